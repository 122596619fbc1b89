using KnowledgeGraph.Fuzz;
using System.Runtime.InteropServices;
using SharpFuzz;

// One fuzz target per process, chosen by name; scripts/fuzz.sh instruments the assemblies and starts afl-fuzz.
var targets = new Dictionary<string, Func<IFuzzTarget>>(StringComparer.OrdinalIgnoreCase)
{
    ["reader"] = () => new ReaderTarget(),
    ["extractor"] = () => new ExtractorTarget(),
    ["graphql"] = () => new GraphQLTarget(),
};

if (args.Length != 1 || !targets.TryGetValue(args[0], out var create))
{
    Console.Error.WriteLine($"usage: KnowledgeGraph.Fuzz <{string.Join('|', targets.Keys)}>  (input on stdin, or from afl-fuzz)");
    return 2;
}

// Built before the fork server starts, so that loading dictionaries and schemas (seconds) is not charged to the
// first input as a time-out. Instrumented code records coverage through Trace.SharedMem, which only Fuzzer.Run points
// at AFL's map; until then it points at a scratch map of the same size. In process rather than SharpFuzz's
// out-of-process mode, which would build the target twice: a stack overflow then ends the whole campaign, which
// afl-fuzz reports, so it cannot go unnoticed.
unsafe
{
    SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(CoverageMapBytes);
}
var target = create();
Fuzzer.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.ToArray());
});
return 0;

partial class Program
{
    // AFL's classic map size, which SharpFuzz's instrumentation indexes into.
    private const int CoverageMapBytes = 1 << 16;
}
