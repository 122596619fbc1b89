using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Diagnostics;

/// <summary>
/// Console logging that writes lines in batches instead of handing each one to a writer thread. The framework's
/// console logger wakes its thread for every line, and on a busy 2-core machine that wake-up and the write behind it
/// cost about as much CPU as answering an entity lookup (docs/benchmarks.md, "Per-request cost and memory after
/// load"). Here a line is formatted on the logging thread by the configured console formatter (Logging:Console:
/// FormatterName: simple, json or systemd, with their options) and kept; a timer writes what has gathered
/// <see cref="FlushDelay"/> later in one write. Warnings and errors are written before Log returns, so they are never
/// late, and disposing (the host stopping) writes the rest. Everything goes to the one output stream (standard output).
/// </summary>
[ProviderAlias("Console")]
public sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Past this many characters waiting, the logging thread writes them itself, so a stalled output cannot grow memory.</summary>
    private const int MaxPendingChars = 1 << 20;

    private readonly IOptionsMonitor<ConsoleLoggerOptions> _options;
    private readonly Dictionary<string, ConsoleFormatter> _formatters;
    private readonly StreamWriter _output;
    private readonly Timer _timer;
    private readonly Lock _pendingLock = new();
    private readonly Lock _writeLock = new();
    private StringBuilder _pending = new();
    private StringBuilder _writing = new();
    private IExternalScopeProvider? _scopes;
    private bool _disposed;

    [ThreadStatic]
    private static StringWriter? _lineWriter;

    public BatchedConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters, Stream output)
    {
        _options = options;
        _formatters = formatters.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _output = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public ILogger CreateLogger(string categoryName) => new BatchedConsoleLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    private ConsoleFormatter Formatter =>
        _formatters.TryGetValue(_options.CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple, out var chosen)
            ? chosen
            : _formatters[ConsoleFormatterNames.Simple];

    private void Write<TState>(in LogEntry<TState> entry)
    {
        var line = _lineWriter ??= new StringWriter();
        var formatted = line.GetStringBuilder();
        formatted.Clear();
        Formatter.Write(entry, _scopes, line);
        if (formatted.Length == 0)
            return;
        bool first, full;
        lock (_pendingLock)
        {
            first = _pending.Length == 0;
            _pending.Append(formatted);
            full = _pending.Length > MaxPendingChars;
        }
        // A line left over from a long message would keep its memory for the thread's lifetime.
        if (formatted.Capacity > 16 * 1024)
            _lineWriter = null;
        if (entry.LogLevel >= LogLevel.Warning || full)
            Flush();
        else if (first)
            _timer.Change(FlushDelay, Timeout.InfiniteTimeSpan);
    }

    private void Flush()
    {
        lock (_writeLock)
        {
            lock (_pendingLock)
                (_pending, _writing) = (_writing, _pending);
            if (_writing.Length == 0 || _disposed)
                return;
            try
            {
                _output.Write(_writing);
                _output.Flush();
            }
            catch (IOException)
            {
                // Standard output closed (the reader went away): logging must not take requests down with it.
            }
            _writing.Clear();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Flush();
        lock (_writeLock)
        {
            _disposed = true;
            _output.Dispose();
        }
    }

    private sealed class BatchedConsoleLogger(string category, BatchedConsoleLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
        }
    }
}
