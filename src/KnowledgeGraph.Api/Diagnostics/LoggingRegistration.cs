using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Diagnostics;

public static class LoggingRegistration
{
    /// <summary>
    /// Console logs through <see cref="BatchedConsoleLoggerProvider"/> instead of the framework's console logger. The
    /// console formatters and their configuration (Logging:Console) stay as they are; only the writing changes.
    /// </summary>
    public static ILoggingBuilder AddBatchedConsole(this ILoggingBuilder logging)
    {
        logging.AddConsole();
        var framework = logging.Services
            .Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider))
            .ToList();
        foreach (var descriptor in framework)
            logging.Services.Remove(descriptor);
        logging.Services.AddSingleton<ILoggerProvider>(services => new BatchedConsoleLoggerProvider(
            services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(),
            services.GetServices<ConsoleFormatter>(),
            Console.OpenStandardOutput()));
        return logging;
    }
}
