namespace KnowledgeGraph.Graph.Tests.Contract;

public abstract partial class GraphStoreContractTests
{
    private async Task IngestSearchCorpus() =>
        await Ingest(TestArticle.AtUrl("https://news.test/search")
            .WithMicrosoft().WithNvidia().WithSuleyman()
            .Org("org:msra", "Microsoft Research Asia", "微软亚洲研究院", "微软亚洲研究院", "MSRA")
            .Org("org:softbank", "SoftBank", "软银", "软银", "SoftBank")
            .Org("org:microsoft-ai", "Microsoft AI", "微软人工智能", "Microsoft AI", "微软人工智能")
            .Product("prod:bing", "Bing", "必应", "必应", "Bing")
            .Product("prod:bing-chat", "Bing Chat", null, "Bing Chat", "必应")
            .Product("prod:bing-search", "必应搜索", null, "必应搜索")
            .Product("prod:ms-bing", "微软必应", null, "微软必应"));

    [Fact]
    public async Task Chinese_search_finds_substrings_including_two_character_names()
    {
        await IngestSearchCorpus();

        var weiruan = (await Search("微软")).Select(e => e.Id).ToList();
        Assert.Equal(Ids.Microsoft, weiruan[0]);
        Assert.Equal(["org:microsoft", "org:microsoft-ai", "org:msra", "prod:ms-bing"], weiruan.Order());
        Assert.DoesNotContain("org:softbank", weiruan);

        Assert.Equal("org:msra", Assert.Single(await Search("亚洲研究")).Id);
        Assert.Equal(Ids.Nvidia, Assert.Single(await Search("英伟")).Id);
        Assert.Equal(Ids.Suleyman, Assert.Single(await Search("苏莱曼")).Id);
        Assert.Contains(await Search("软"), e => e.Id == "org:softbank");
    }

    [Fact]
    public async Task English_search_is_a_case_insensitive_prefix_match()
    {
        await IngestSearchCorpus();

        var micro = (await Search("micro")).Select(e => e.Id).ToList();
        Assert.Equal(["org:microsoft", "org:microsoft-ai", "org:msra"], micro.Order());
        Assert.Equal(Ids.Microsoft, (await Search("MICROSOFT"))[0].Id);
        Assert.Equal(Ids.Nvidia, Assert.Single(await Search("nvidia")).Id);
        Assert.Equal("org:msra", Assert.Single(await Search("msra")).Id);
        Assert.Empty(await Search("zzz"));
    }

    [Fact]
    public async Task Search_ranks_exact_names_before_aliases_before_partial_matches()
    {
        await IngestSearchCorpus();

        var bing = (await Search("必应")).Select(e => e.Id).ToList();
        Assert.Equal(["prod:bing", "prod:bing-chat"], bing.Take(2));
        Assert.Equal(["prod:bing-search", "prod:ms-bing"], bing.Skip(2).Order());
        Assert.Equal(4, bing.Count);

        var english = (await Search("bing")).Select(e => e.Id).ToList();
        Assert.Equal(["prod:bing", "prod:bing-chat"], english);
    }

    [Fact]
    public async Task English_search_matches_the_start_of_any_word_after_whole_name_prefixes()
    {
        await Ingest(TestArticle.AtUrl("https://news.test/words")
            .Org("org:research", "Research Corp")
            .Org("org:ms-research", "Microsoft Research", null, "MSR")
            .Org("org:openresearch", "OpenResearch")
            .Org("org:searchlight", "Searchlight")
            .Product("prod:deep-research", "Deep-Research Agent")
            .Product("prod:copilot", "Copilot", null, "微软Copilot", "Microsoft 365 Copilot"));

        Assert.Equal(["org:research", "org:ms-research", "prod:deep-research"], (await Search("research")).Select(e => e.Id));
        Assert.Equal(["org:research", "org:ms-research", "prod:deep-research"], (await Search("ＲＥＳＥＡＲＣＨ")).Select(e => e.Id));
        Assert.Equal("prod:deep-research", Assert.Single(await Search("research ag")).Id);
        Assert.Equal("org:searchlight", Assert.Single(await Search("search")).Id);
        Assert.Equal("org:research", Assert.Single(await Search("Research Corp")).Id);
        Assert.Equal("prod:copilot", Assert.Single(await Search("365")).Id);
        Assert.Empty(await Search("-research"));
    }

    [Fact]
    public async Task Search_ranks_exact_then_prefix_then_word_or_substring_matches()
    {
        await Ingest(TestArticle.AtUrl("https://news.test/ranks")
            .Org("org:open", "Open", "开放", "Open Source Group")
            .Org("org:openai", "OpenAI", null, "Open AI")
            .Org("org:the-open", "The Open Group")
            .Org("org:kaifang-lab", "Kaifang Lab", "开放实验室")
            .Org("org:guokaifang", "Guo Kaifang", "国家开放大学"));

        Assert.Equal(["org:open", "org:openai", "org:the-open"], (await Search("open")).Select(e => e.Id));
        Assert.Equal(["org:open", "org:kaifang-lab", "org:guokaifang"], (await Search("开放")).Select(e => e.Id));
        Assert.Equal(["org:kaifang-lab", "org:guokaifang"], (await Search("kaifang")).Select(e => e.Id));
    }

    [Fact]
    public async Task Search_filters_by_type_and_empty_text_lists_everything()
    {
        await IngestSearchCorpus();

        Assert.All(await Search("微软", "Product"), e => Assert.Equal("Product", e.Type));
        Assert.Equal("prod:ms-bing", Assert.Single(await Search("微软", "Product")).Id);
        Assert.Equal(10, (await Search(null)).Count);
        Assert.Equal(4, (await Search("", "Product")).Count);
    }
}
