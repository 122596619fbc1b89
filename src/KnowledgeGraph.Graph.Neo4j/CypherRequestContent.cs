using System.Collections;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// The body of a commit request, written with a <see cref="Utf8JsonWriter"/> straight into the request stream: a batch's
/// several megabytes of rows are never held as one buffer, and each value is written by its type without the
/// serializer's per-value lookup of a converter for <c>object</c>. Written anew for every attempt, so retries resend it.
/// </summary>
internal sealed class CypherRequestContent : HttpContent
{
    // Chinese text goes as UTF-8, not as \u escapes: a batch's request is about half the size for the server to read.
    // The body only ever reaches Neo4j's JSON parser, never a page, so HTML-sensitive characters need no escaping.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions FallbackOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IReadOnlyList<CypherStatement> _statements;

    public CypherRequestContent(IReadOnlyList<CypherStatement> statements)
    {
        _statements = statements;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartArray("statements");
        foreach (var statement in _statements)
        {
            writer.WriteStartObject();
            writer.WriteString("statement", statement.Text);
            writer.WritePropertyName("parameters");
            WriteMap(writer, statement.Parameters ?? new Dictionary<string, object?>());
            writer.WriteStartArray("resultDataContents");
            writer.WriteStringValue("row");
            writer.WriteEndArray();
            writer.WriteEndObject();
            // Hands full buffers to the socket as it goes instead of growing one buffer to the size of the batch.
            if (writer.BytesPending > 64 * 1024) await writer.FlushAsync(cancellationToken);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> map)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in map)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case IEnumerable<KeyValuePair<string, object?>> map: WriteMap(writer, map); break;
            case IEnumerable<string?> texts:
                writer.WriteStartArray();
                foreach (var text in texts) writer.WriteStringValue(text);
                writer.WriteEndArray();
                break;
            case IEnumerable items when value is not IDictionary:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: JsonSerializer.Serialize(writer, value, value.GetType(), FallbackOptions); break;
        }
    }
}
