using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Normalisation;
using KnowledgeGraph.Extraction.Output;
using KnowledgeGraph.Extraction.Pipeline;
using KnowledgeGraph.Extraction.Reading;
using KnowledgeGraph.Extraction.Recognition;
using KnowledgeGraph.Extraction.Relations;
using KnowledgeGraph.Extraction.Resolution;
using KnowledgeGraph.Model;
using KnowledgeGraph.Ontology;

namespace KnowledgeGraph.Extraction;

/// <summary>
/// article → normalise → segment → recognise → resolve → relate. Built once (it loads the dictionaries and the
/// language data) and then shared: <see cref="Extract"/> keeps its state in a fresh <see cref="Document"/>.
/// </summary>
public sealed class ExtractionPipeline : IArticleExtractor
{
    private readonly IReadOnlyList<IPipelineStage> _stages;
    private readonly ResultBuilder _output;

    public ExtractionPipeline(LanguageResources? resources = null, OntologySchema? ontology = null)
    {
        resources ??= new LanguageResources();
        ontology ??= OntologySchema.Default;
        // jieba's dictionary and model and the relation patterns' regexes depend on nothing built here but the word
        // lists of RecognitionData, and each is a third of the start-up: they load on other threads meanwhile.
        var segmenterLoad = Task.Run(Segmentation.JiebaTokenizer.LoadSharedDictionary);
        var lexicon = new Lexicon(resources, ontology);
        var recognition = new RecognitionData(resources);
        var patternsLoad = Task.Run(() => RelationPattern.Load(resources, recognition, ontology));
        var descriptions = new DescriptionFilter(recognition, TrimmedLines(resources, "recognition/determiners.txt"), TrimmedLines(resources, "recognition/kind-openers.txt"));
        segmenterLoad.GetAwaiter().GetResult();
        var tokenizer = new Segmentation.JiebaTokenizer(UserWords(lexicon));
        var cues = new AssertionCues(resources);
        // Lists that more than one stage reads are read once.
        var placeLedOrgEndings = TrimmedLines(resources, "recognition/place-led-org-endings.txt");
        var spellingLabels = TrimmedLines(resources, "resolution/spelling-labels.txt");
        var interviewOpeners = TrimmedLines(resources, "recognition/interview-openers.txt");
        var speechTurns = new SpeechTurns(resources);
        var labelledSpellings = new LabelledSpellingRecogniser(spellingLabels);
        var sharedWords = new SharedResolutionWords(resources);
        _stages =
        [
            new TextNormaliser(),
            new SentenceSplitter(new PageFurniture(resources), TrimmedLines(resources, "normalisation/bracket-subject-predicates.txt")),
            new ArticleItems(resources),
            tokenizer,
            new LexiconRecogniser(lexicon, recognition),
            new PersonNameRecogniser(recognition, tokenizer),
            new OrganizationNameRecogniser(recognition, tokenizer, lexicon, placeLedOrgEndings,
                TrimmedLines(resources, "recognition/place-led-fund-words.txt"), TrimmedLines(resources, "recognition/place-investor-endings.txt")),
            new EnglishNameRecogniser(recognition, lexicon),
            new ProductNameRecogniser(recognition, tokenizer),
            new DescribedNameRecogniser(recognition, [.. TrimmedLines(resources, "resolution/description-heads.txt"), .. TrimmedLines(resources, "recognition/described-name-heads.txt")], TrimmedLines(resources, "recognition/described-name-closers.txt"),
                TrimmedLines(resources, "recognition/described-object-verbs.txt"), TrimmedLines(resources, "recognition/owned-name-openers.txt"),
                [.. TrimmedLines(resources, "recognition/joint-venture-runs.txt"), .. TrimmedLines(resources, "recognition/founding-runs.txt")], TrimmedLines(resources, "recognition/local-words.txt")),
            new QuotedCompanyRecogniser(recognition, TrimmedLines(resources, "recognition/quoted-company-heads.txt")),
            new HeadingNameRecogniser(recognition),
            new UnitNameRecogniser(resources.Lines("recognition/unit-endings.txt"), recognition),
            new BracketedSpellingRecogniser(recognition, tokenizer, spellingLabels, placeLedOrgEndings),
            new FinancedNameRecogniser(recognition, tokenizer, TrimmedLines(resources, "recognition/financed-subject-verbs.txt"), TrimmedLines(resources, "recognition/financing-words.txt"),
                placeLedOrgEndings, TrimmedLines(resources, "recognition/company-acts.txt"),
                interviewOpeners),
            new MentionSelector(recognition, descriptions),
            new ListedNameRecogniser(recognition, resources, descriptions),
            new InterviewHeadlineRecogniser(recognition, interviewOpeners, sharedWords.PersonDescribers),
            labelledSpellings,
            new EntityResolver(lexicon, ontology, resources, labelledSpellings, recognition, sharedWords),
            new AnaphoraResolver(resources, recognition, new BackerNames(resources), speechTurns, lexicon, sharedWords),
            new RelationExtractor(patternsLoad.GetAwaiter().GetResult(), cues, new ClauseTopics(resources, recognition), new AmountParser(resources), ontology, lexicon,
                new ClauseTriggers(resources, cues, ontology), new BackerClauses(resources), new HeldCompanies(resources), new PastJoins(resources, sharedWords)),
            new QuestionTurns(speechTurns, resources),
            new FormerNames(resources),
            new NamedUnits(lexicon, recognition, resources),
            new ProductMakers(lexicon, cues),
            new RelationPrecedence(resources),
        ];
        _output = new ResultBuilder(ontology);
    }

    public ExtractionResult Extract(Article article)
    {
        if (article.Text.Length <= ArticleSections.DefaultMaxLength) return ExtractWhole(article);
        var info = ResultBuilder.Describe(article);
        return SectionResults.Merge(info, ExtractSections(article));
    }

    private ExtractionResult ExtractWhole(Article article)
    {
        var document = new Document(article);
        foreach (var stage in _stages) stage.Process(document);
        return _output.Build(document);
    }

    private IEnumerable<(ExtractionResult, int)> ExtractSections(Article article)
    {
        var codePoints = 0;
        var counted = 0;
        foreach (var (section, start) in ArticleSections.Split(article))
        {
            codePoints += CodePointOffsets.Count(article.Text, counted, start);
            counted = start;
            yield return (ExtractWhole(section), codePoints);
        }
    }

    private static List<string> TrimmedLines(LanguageResources resources, string path) =>
        resources.Lines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static IEnumerable<(string Word, string Tag)> UserWords(Lexicon lexicon) =>
        lexicon.Entries.SelectMany(entry => entry.AllNames.Select(name => (name, entry.Type switch
        {
            "Person" => "nr",
            "Organization" => "nt",
            "Location" => "ns",
            _ => "nz",
        })));
}
