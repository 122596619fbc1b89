using System.Text;

namespace KnowledgeGraph.Extraction.Reading;

/// <summary>
/// Finds the encoding from the bytes, never from the file name: a BOM (UTF-8, UTF-16), else strict UTF-8,
/// else strict GB18030 (a superset of GBK and GB2312) when the result reads like text.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    private static Encoding StrictGb18030 => Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static string Decode(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.Length == 0) return "";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return DecodeStrict(StrictUtf8, bytes[3..], source, "UTF-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return DecodeStrict(new UnicodeEncoding(false, false, true), bytes[2..], source, "UTF-16LE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return DecodeStrict(new UnicodeEncoding(true, false, true), bytes[2..], source, "UTF-16BE");
        if (bytes.IndexOf((byte)0) >= 0)
            throw new ArticleReadException(source, "binary content (NUL bytes) without a UTF-16 byte order mark; not a text article");

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            string text;
            try
            {
                text = StrictGb18030.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new ArticleReadException(source, "neither valid UTF-8 nor GB18030 text");
            }
            if (!LooksLikeText(text))
                throw new ArticleReadException(source, "invalid UTF-8, and as GB18030 it does not read as Chinese text");
            return text;
        }
    }

    private static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string source, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ArticleReadException(source, $"starts with a {name} byte order mark but is not valid {name}");
        }
    }

    /// <summary>GB18030 decodes almost any byte string; real text is mostly common CJK, ASCII and punctuation.</summary>
    private static bool LooksLikeText(string text)
    {
        var plausible = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' || c is >= ' ' and <= '~' || c is '\n' or '\r' or '\t'
                || c is >= '\u3000' and <= '\u303F' || c is >= '\uFF00' and <= '\uFFEF' || c is >= '\u2010' and <= '\u2027')
                plausible++;
        }
        return plausible >= text.Length * 0.95;
    }
}
