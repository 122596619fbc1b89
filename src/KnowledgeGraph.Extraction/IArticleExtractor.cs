using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Model;

namespace KnowledgeGraph.Extraction;

/// <summary>Turns one article into entities, relations and deals. Implementations are thread-safe.</summary>
public interface IArticleExtractor
{
    ExtractionResult Extract(Article article);
}
