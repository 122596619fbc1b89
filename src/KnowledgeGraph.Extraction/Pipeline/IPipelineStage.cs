namespace KnowledgeGraph.Extraction.Pipeline;

/// <summary>One step of the pipeline: reads what earlier stages put on the document and adds its own part.</summary>
public interface IPipelineStage
{
    void Process(Document document);
}
