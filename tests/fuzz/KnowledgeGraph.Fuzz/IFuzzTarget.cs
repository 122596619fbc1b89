namespace KnowledgeGraph.Fuzz;

/// <summary>
/// One fuzzed entry point. Run returns normally for every input the product handles as designed (including clear
/// refusals); any other exception, and any broken invariant (<see cref="InvariantBrokenException"/>), is a finding.
/// </summary>
public interface IFuzzTarget
{
    void Run(byte[] input);
}

public sealed class InvariantBrokenException(string message) : Exception(message);
