using BenchmarkDotNet.Running;
using KnowledgeGraph.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
