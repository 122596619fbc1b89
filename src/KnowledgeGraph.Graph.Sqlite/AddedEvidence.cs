using KnowledgeGraph.Model;

namespace KnowledgeGraph.Graph.Sqlite;

/// <summary>
/// New evidence for edges that already had some. An edge's confidence and dates are a maximum and a minimum over its
/// evidence and its count a sum, so they follow from the stored values and the new rows alone, without reading the edge's older evidence
/// (which sits on pages written long ago and, in a large store, outside the cache). Its attributes come from the most
/// confident evidence stating each one; evidence that states none cannot change them, and the rare edge whose new
/// evidence does state one is derived again from all its evidence.
/// </summary>
internal sealed class AddedEvidence
{
    private readonly Dictionary<long, (double Confidence, string? FirstDate, string? LastDate, int Uncounted)> _plain = [];
    private readonly HashSet<long> _withAttributes = [];

    /// <summary>One new piece of evidence; <paramref name="counted"/> when the edge's evidence count includes it already.</summary>
    public void Add(long relationKey, ExtractedRelation relation, string? evidenceDate, bool counted)
    {
        if (relation.Attributes != RelationAttributes.None) _withAttributes.Add(relationKey);
        var uncounted = counted ? 0 : 1;
        _plain[relationKey] = _plain.TryGetValue(relationKey, out var seen)
            ? (Math.Max(seen.Confidence, relation.Confidence), Earlier(seen.FirstDate, evidenceDate), Later(seen.LastDate, evidenceDate),
                seen.Uncounted + uncounted)
            : (relation.Confidence, evidenceDate, evidenceDate, uncounted);
    }

    public void ApplyTo(GraphWriter writer)
    {
        foreach (var key in _withAttributes) writer.RecomputeLater(key);
        var rows = GraphWriter.ChunkedRows();
        // In key order, so the update walks the table's pages in order, each once.
        foreach (var (key, (confidence, first, last, uncounted)) in _plain.OrderBy(p => p.Key))
        {
            if (!_withAttributes.Contains(key)) rows.Row().Add(key).Add(confidence).Add(first).Add(last).Add(uncounted);
        }
        if (!writer.Stage(rows, 5)) return;
        // Written without function calls (min, max, coalesce), so that the update, like the inserts, needs no statement
        // journal (GraphWriter.Stage): a missing date gives way to a known one, and a known one to an earlier (later) one.
        writer.Prepared("""
            UPDATE OR FAIL relations SET
                confidence = CASE WHEN n.c1 > relations.confidence THEN n.c1 ELSE relations.confidence END,
                first_date = CASE WHEN relations.first_date IS NULL OR n.c2 < relations.first_date THEN n.c2 ELSE relations.first_date END,
                last_date = CASE WHEN relations.last_date IS NULL OR n.c3 > relations.last_date THEN n.c3 ELSE relations.last_date END,
                evidence_count = relations.evidence_count + n.c4
            FROM temp.staged_rows AS n
            WHERE relations.key = n.c0
            """).ExecuteNonQuery();
        writer.Unstage();
    }

    private static string? Earlier(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string? Later(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;
}
