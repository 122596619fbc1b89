using KnowledgeGraph.Graph.Sqlite;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Graph.Tests.Sqlite;

/// <summary>
/// The writer's rows are binary JSON built in C#; SQLite itself must read back every value as it was given, and must
/// accept the blob as valid JSONB, whatever the lengths of the strings (each size form of the header).
/// </summary>
public sealed class JsonRowsTests
{
    private static readonly string Long300 = new('长', 100);
    private static readonly string Long70000 = string.Concat(Enumerable.Repeat("ab\"c\\d", 12_000));

    [Fact]
    public void SQLite_reads_every_value_back_from_the_rows()
    {
        var rows = new JsonRows();
        rows.Row().Add("微软").Add(42).Add(0.85).Add((string?)null).Add((double?)null);
        rows.Row().Add("'}) DETACH DELETE n //").Add(-9_007_199_254_740_993).Add(1e20).Add("").Add(123456789012);
        rows.Row().Add(Long300).Add(0).Add(-0.000015).Add(Long70000).Add("line\nbreak\ttab\u0001end");

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT json_valid(@rows, 8), value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4,
                   typeof(value ->> 1), typeof(value ->> 2)
            FROM jsonb_each(@rows) ORDER BY key
            """;
        command.Parameters.AddWithValue("@rows", rows.ToBlob());
        var read = new List<object?[]>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                reader.GetValues(values!);
                read.Add([.. values.Select(v => v is DBNull ? null : v)]);
            }
        }

        Assert.Equal(3, rows.Count);
        Assert.Equal(3, read.Count);
        Assert.All(read, row => Assert.Equal(1L, row[0]));
        Assert.Equal(["微软", 42L, 0.85, null, null, "integer", "real"], read[0][1..]);
        Assert.Equal(["'}) DETACH DELETE n //", -9_007_199_254_740_993L, 1e20, "", 123456789012L, "integer", "real"], read[1][1..]);
        Assert.Equal([Long300, 0L, -0.000015, Long70000, "line\nbreak\ttab\u0001end", "integer", "real"], read[2][1..]);
    }

    [Fact]
    public void Rows_turned_into_text_JSON_by_SQLite_are_the_JSON_of_the_values()
    {
        var rows = new JsonRows();
        rows.Row().Add("a\"b").Add(1).Add(2.5);
        rows.Row().Add((string?)null);

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json(@rows)";
        command.Parameters.AddWithValue("@rows", rows.ToBlob());

        Assert.Equal("""[["a\"b",1,2.5],[null]]""", command.ExecuteScalar());
    }

    [Fact]
    public void No_rows_are_an_empty_array_and_rows_cannot_be_added_once_handed_over()
    {
        var rows = new JsonRows();
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json(@rows)";
        command.Parameters.AddWithValue("@rows", rows.ToBlob());

        Assert.Equal("[]", command.ExecuteScalar());
        Assert.Throws<InvalidOperationException>(() => rows.Row());
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonRows().Row().Add(double.NaN));
    }

    [Fact]
    public void Rows_in_chunks_are_valid_arrays_of_whole_rows_that_together_hold_every_row_in_order()
    {
        var rows = JsonRows.InChunks(100);
        for (var i = 0; i < 50; i++) rows.Row().Add($"entity-{i}").Add(i).Add(i + 0.25);
        rows.Row().Add(Long300).Add(50).Add(12.5);

        var blobs = rows.ToBlobs();
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_valid(@rows, 8), value ->> 0, value ->> 1, value ->> 2 FROM jsonb_each(@rows) ORDER BY key";
        var parameter = command.Parameters.Add("@rows", SqliteType.Blob);
        var read = new List<(string Name, long Number, double Fraction)>();
        foreach (var blob in blobs)
        {
            parameter.Value = blob;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                Assert.Equal(1L, reader.GetInt64(0));
                read.Add((reader.GetString(1), reader.GetInt64(2), reader.GetDouble(3)));
            }
        }

        Assert.Equal(51, rows.Count);
        Assert.True(blobs.Count > 1, $"{blobs.Count} chunk(s)");
        Assert.Equal([.. Enumerable.Range(0, 50).Select(i => ($"entity-{i}", (long)i, i + 0.25)), (Long300, 50L, 12.5)], read);
        Assert.Throws<InvalidOperationException>(() => rows.ToBlob());
        Assert.Throws<InvalidOperationException>(() => rows.Row());
        Assert.Single(JsonRows.InChunks(100).ToBlobs());
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonRows.InChunks(0));
    }
}
