using System.Text;
using HotPapers.Records;

namespace HotPapers.Tests.Records;

/// <summary>Bad records files: each problem names the file, the JSON path (or line), what was expected and what was found.</summary>
public sealed class RecordsLoaderTests
{
    // Single quotes stand for double quotes, to keep the table readable.
    private const string Conflict = "git's conflict marker ";
    private const string Markers = " (a merge left both sides of a conflict in the file: keep one, or put the two together, and remove the markers)";
    private const string Head = "'format':'hotpapers-records/1','date':'2021-04-30','collectedAt':'2021-05-01T18:50:48+09:00'";
    private const string Tweet = "{'url':'https://twitter.com/a/status/1','author':{'name':'A','handle':'a'},'text':'t','created':'2021-04-30'}";
    private const string Paper = "'id':'2104.14421','title':'T','authors':['A'],'abstract':'S','categories':['cs.LG'],'links':{'abs':'https://arxiv.org/abs/2104.14421','pdf':'https://arxiv.org/pdf/2104.14421'}";

    private static string WithPaper(string paperExtra, string tweets = Tweet) => "{" + Head + ",'papers':[{" + Paper + paperExtra + ",'tweets':[" + tweets + "]}]}";

    private const string LegacyTweet = "{'link':'https://twitter.com/a/status/1','name':'A','username':'a','tweet':'t','retweets_count':1,'likes_count':2}";
    private const string OtherTweetHead = "{'replies_count':0,'link':'https://twitter.com/a/status/1','urls':['https://arxiv.org/abs/2104.14421'],'name':'A','username':'a','tweet':'t','retweets_count':1,'likes_count':2";
    private const string LegacyPaper = "'title':'T','authors':['A'],'subjects':['Machine Learning (cs.LG)'],'summary':'S'";

    [Theory]
    // syntax and encoding
    [InlineData("", "$", "a JSON object", "an empty file")]
    [InlineData("{'format': ", "line 1, column", "well-formed JSON", "")]
    [InlineData("{'format':'hotpapers-records/1',}", "line 1, column", "well-formed JSON", "")]
    [InlineData("[]", "$", "an object", "an array of 0")]
    [InlineData("'text'", "$", "an object", "\"text\"")]
    // the digest
    [InlineData("{'format':'hotpapers-records/3','date':'2021-04-30','collectedAt':'2021-05-01T18:50:48+09:00','papers':[]}", "$.format", "\"hotpapers-records/1\" or \"hotpapers-records/2\"", "\"hotpapers-records/3\"")]
    // An unknown format alone: its other keys, checked as version 1's, would only bury it.
    [InlineData("{'format':'hotpapers-records/9','date':'2021-04-30','collectedAt':'2021-05-01T18:50:48+09:00','papers':[{" + Paper + ",'mentions':[]}]}", "$.format", "\"hotpapers-records/1\" or \"hotpapers-records/2\"", "\"hotpapers-records/9\"")]
    [InlineData("{'papers':[{" + Paper + ",'mentions':[]}],'extra':1,'format':'hotpapers-records/9'}", "$.format", "\"hotpapers-records/1\" or \"hotpapers-records/2\"", "\"hotpapers-records/9\"")]
    [InlineData("{'format':2,'date':'2021-04-30','collectedAt':'2021-05-01T18:50:48+09:00','papers':[{" + Paper + ",'mentions':[]}]}", "$.format", "a string", "the number 2")]
    [InlineData("{'date':'2021-04-30','collectedAt':'2021-05-01T18:50:48+09:00','papers':[]}", "$.format", "a value", "no such key")]
    [InlineData("{'format':'hotpapers-records/1','collectedAt':'2021-05-01T18:50:48+09:00','papers':[]}", "$.date", "a value", "no such key")]
    [InlineData("{'format':'hotpapers-records/1','date':'2021-02-30','collectedAt':'2021-05-01T18:50:48+09:00','papers':[]}", "$.date", "a date as YYYY-MM-DD", "\"2021-02-30\"")]
    [InlineData("{'format':'hotpapers-records/1','date':'2021/04/30','collectedAt':'2021-05-01T18:50:48+09:00','papers':[]}", "$.date", "a date as YYYY-MM-DD", "\"2021/04/30\"")]
    [InlineData("{" + Head + ",'endDate':'2021-04-29','papers':[]}", "$.endDate", "a date on or after the date 2021-04-30", "2021-04-29")]
    [InlineData("{'format':'hotpapers-records/1','date':'2021-04-30','collectedAt':'2021-05-01T18:50:48','papers':[]}", "$.collectedAt", "an RFC 3339 timestamp with an offset", "\"2021-05-01T18:50:48\"")]
    [InlineData("{'format':'hotpapers-records/1','date':'2021-04-30','collectedAt':'2021-05-01T18:50:48.Z','papers':[]}", "$.collectedAt", "an RFC 3339 timestamp with an offset", "\"2021-05-01T18:50:48.Z\"")]
    [InlineData("{" + Head + ",'papers':[],'papres':[]}", "$.papres", "one of the keys $schema, format, date", "the unknown key \"papres\"")]
    [InlineData("{" + Head + "}", "$.papers", "a value", "no such key")]
    [InlineData("{" + Head + ",'papers':{}}", "$.papers", "an array", "an object")]
    [InlineData("{" + Head + ",'ranked':'yes','papers':[]}", "$.ranked", "true or false", "\"yes\"")]
    [InlineData("{" + Head + ",'post':{'tilte':'x'},'papers':[]}", "$.post.tilte", "one of the keys title", "the unknown key \"tilte\"")]
    [InlineData("{" + Head + ",'post':{'tags':'arXiv'},'papers':[]}", "$.post.tags", "an array", "\"arXiv\"")]
    // which networks did not answer (version 2)
    [InlineData("{'format':'hotpapers-records/2','date':'2021-04-30','collectedAt':'2021-05-01T18:50:48+09:00','papers':[],'unanswered':['bluesky','x']}", "$.unanswered[1]", "one of twitter, bluesky, mastodon, hackernews, huggingface, reddit", "\"x\"")]
    [InlineData("{'format':'hotpapers-records/2','date':'2021-04-30','collectedAt':'2021-05-01T18:50:48+09:00','papers':[],'unanswered':['bluesky','mastodon','bluesky']}", "$.unanswered[2]", "each network once (it is already at $.unanswered[0])", "\"bluesky\" again")]
    [InlineData("{'format':'hotpapers-records/2','date':'2021-04-30','collectedAt':'2021-05-01T18:50:48+09:00','papers':[],'unanswered':'bluesky'}", "$.unanswered", "an array", "\"bluesky\"")]
    [InlineData("{" + Head + ",'unanswered':['twitter'],'papers':[]}", "$.unanswered", "one of the keys $schema, format, date", "the unknown key \"unanswered\" (a key of version 2: say \"format\": \"hotpapers-records/2\")")]
    // papers
    [InlineData("{" + Head + ",'papers':[1]}", "$.papers[0]", "an object", "the number 1")]
    [InlineData("{" + Head + ",'papers':[{'id':'2104.144','title':'T','authors':['A'],'abstract':'S','categories':[],'links':{'abs':'https://arxiv.org/abs/1'},'tweets':[]}]}", "$.papers[0].id", "an arXiv id", "\"2104.144\"")]
    [InlineData("{" + Head + ",'papers':[{" + Paper + ",'tweets':[],'id':'2104.00001'}]}", "$.papers[0].id", "each key once", "the key \"id\" again")]
    [InlineData("{" + Head + ",'date':'2021-05-01','papers':[]}", "$.date", "each key once", "the key \"date\" again")]
    [InlineData("{" + Head + ",'papers':[{" + Paper + ",'tweets':[]},{" + Paper + ",'tweets':[]}]}", "$.papers[1].id", "each paper once (it is already at $.papers[0])", "\"2104.14421\" again")]
    [InlineData("{" + Head + ",'\\u0064ate':'2021-05-01','papers':[]}", "$.date", "each key once", "the key \"date\" again")]
    [InlineData("{" + Head + ",'papers':[{'id':'2104.14421','title':'  ','authors':['A'],'abstract':'S','categories':[],'links':{'abs':'https://arxiv.org/abs/1'},'tweets':[]}]}", "$.papers[0].title", "a non-empty string", "an empty string")]
    [InlineData("{" + Head + ",'papers':[{'id':'2104.14421','title':null,'authors':['A'],'abstract':'S','categories':[],'links':{'abs':'https://arxiv.org/abs/1'},'tweets':[]}]}", "$.papers[0].title", "a non-empty string", "null")]
    [InlineData("{" + Head + ",'papers':[{'id':'2104.14421','title':'T\\u0000','authors':['A'],'abstract':'S','categories':[],'links':{'abs':'https://arxiv.org/abs/1'},'tweets':[]}]}", "$.papers[0].title", "text without NUL characters", "a NUL character")]
    [InlineData("{" + Head + ",'papers':[{'id':'2104.14421','title':'T','authors':'A','abstract':'S','categories':[],'links':{'abs':'https://arxiv.org/abs/1'},'tweets':[]}]}", "$.papers[0].authors", "an array", "\"A\"")]
    [InlineData("{" + Head + ",'papers':[{'id':'2104.14421','title':'T','authors':['A',''],'abstract':'S','categories':[],'links':{'abs':'https://arxiv.org/abs/1'},'tweets':[]}]}", "$.papers[0].authors[1]", "a non-empty string", "an empty string")]
    [InlineData("{" + Head + ",'papers':[{'id':'2104.14421','title':'T','authors':['A'],'abstract':'S','categories':[],'links':{'abs':'arxiv.org/abs/1'},'tweets':[]}]}", "$.papers[0].links.abs", "an absolute http(s) URL", "\"arxiv.org/abs/1\"")]
    [InlineData("{" + Head + ",'papers':[{'id':'2104.14421','title':'T','authors':['A'],'abstract':'S','categories':[],'links':{'abs':'https://arxiv.org/abs/1','html':'x'},'tweets':[]}]}", "$.papers[0].links.html", "one of the keys abs, pdf", "the unknown key \"html\"")]
    [InlineData("{" + Head + ",'papers':[{" + Paper + ",'tweets':[],'totals':{'retweets':-1,'favorites':2}}]}", "$.papers[0].totals.retweets", "a whole number from 0 to 2^53", "the number -1")]
    [InlineData("{" + Head + ",'papers':[{" + Paper + ",'tweets':[],'totals':{'retweets':1}}]}", "$.papers[0].totals.favorites", "a value", "no such key")]
    // tweets
    [InlineData("{" + Head + ",'papers':[{" + Paper + ",'tweets':[{'url':'https://twitter.com/a/status/1','author':{'name':'A','handle':'@a'},'text':'t','created':'2021-04-30'}]}]}", "$.papers[0].tweets[0].author.handle", "a Twitter handle", "\"@a\"")]
    [InlineData("{" + Head + ",'papers':[{" + Paper + ",'tweets':[{'url':'https://twitter.com/a/status/1','author':{'name':'A','handle':'a'},'text':'t','created':'April 30'}]}]}", "$.papers[0].tweets[0].created", "a date (YYYY-MM-DD) or an RFC 3339 timestamp", "\"April 30\"")]
    [InlineData("{" + Head + ",'papers':[{" + Paper + ",'tweets':[{'url':'https://twitter.com/a/status/1','author':{'name':'A','handle':'a'},'text':'t','created':'2021-04-30','retweets':'7'}]}]}", "$.papers[0].tweets[0].retweets", "a whole number from 0 to 2^53", "\"7\"")]
    [InlineData("{" + Head + ",'papers':[{" + Paper + ",'tweets':[{'url':'https://twitter.com/a/status/1','author':{'name':'A','handle':'a'},'created':'2021-04-30'}]}]}", "$.papers[0].tweets[0].text", "a value", "no such key")]
    [InlineData("{" + Head + ",'papers':[{" + Paper + ",'tweets':[{'url':'https://twitter.com/a/status/1','author':'a','text':'t','created':'2021-04-30'}]}]}", "$.papers[0].tweets[0].author", "an object", "\"a\"")]
    [InlineData("{" + Head + ",'papers':[{" + Paper + ",'tweets':[{'url':'https://twitter.com/a/status/1','author':{'name':'A','handle':'a'},'text':'t','created':'2021-04-30','likes':3}]}]}", "$.papers[0].tweets[0].likes", "one of the keys url, author", "the unknown key \"likes\"")]
    // the old crawler's format
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/04/30'},'papers':[]}", "$.meta.until", "a day after since (2021-04-30): until is exclusive", "2021-04-30")]
    [InlineData("{'meta':{'since':'30.04.2021','until':'2021/05/01'},'papers':[]}", "$.meta.since", "a date as YYYY/MM/DD", "\"30.04.2021\"")]
    [InlineData("{'meta':{'since':'2021/04/30'},'papers':[]}", "$.meta.until", "a value", "no such key")]
    [InlineData("{'meta':[],'papers':[]}", "$.meta", "an object", "an array of 0")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[],'papers':[]}", "$.papers", "each key once", "the key \"papers\" again")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{" + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421'},'tweets':[{'link':'https://twitter.com/a/status/1','name':'A','username':'a','tweet':'t','retweets_count':1,'likes_count':2,'n\\u0061me':'B'}]}]}", "$.papers[0].tweets[0].name", "each key once", "the key \"name\" again")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{" + LegacyPaper + ",'links':{'Download PDF':'https://arxiv.org/pdf/2104.14421'},'tweets':[]}]}", "$.papers[0].links.Abstract", "a value", "no such key")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{" + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421'},'tweets':[{'link':'https://twitter.com/a/status/1','name':'A','username':'a','tweet':'t','retweets_count':'ten','likes_count':2}]}]}", "$.papers[0].tweets[0].retweets_count", "a whole number from 0 to 2^53, or such a number as a string", "\"ten\"")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{" + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421'},'tweets':[{'link':'https://twitter.com/a/status/1','name':'A','username':'a','tweet':'t','retweets_count':1,'likes_count':2,'datestamp':'2021-04-30','timestamp':'25:00:00'}]}]}", "$.papers[0].tweets[0].timestamp", "a time as HH:MM:SS", "\"25:00:00\"")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{" + LegacyPaper + ",'links':{'Abstract':'https://example.com/paper'},'tweets':[" + LegacyTweet + "]}]}", "$.papers[0].id", "an arXiv id", "\"https://example.com/paper\"")]
    // Found by a user's trial: a paper given twice was shown twice (and its post could not be imported back), a username
    // with its @ was shown as "(@@a)", a subject without its category linked to https://arxiv.org/list/Robotics/recent.
    // A paper is known by its id without version, at the key it came from: its id, else its abs link.
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{'id':'2104.14421'," + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421'}},{'id':'2104.14421v2'," + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421v2'}}]}", "$.papers[1].id", "each paper once (it is already at $.papers[0])", "\"2104.14421v2\" again")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{" + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421'}},{'id':'2104.00001'," + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.00001'}},{" + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421'}}]}", "$.papers[2].links.Abstract", "each paper once (it is already at $.papers[0])", "\"2104.14421\" again")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{" + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421'},'tweets':[{'link':'https://twitter.com/a/status/1','name':'A','username':'@a','tweet':'t','retweets_count':1,'likes_count':2}]}]}", "$.papers[0].tweets[0].username", "a Twitter handle of letters, digits and _ without @", "\"@a\"")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{'title':'T','authors':['A'],'subjects':['Machine Learning (cs.LG)','Robotics'],'summary':'S','links':{'Abstract':'https://arxiv.org/abs/2104.14421'}}]}", "$.papers[0].subjects[1]", "an arXiv subject as \"Robotics (cs.RO)\"", "\"Robotics\"")]
    // A tweet's keys as the tweet before it has them, then a repeat: of a key after the others, of one before them, of a key read.
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{" + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421'},'tweets':[" + OtherTweetHead + "}," + OtherTweetHead + ",'hashtags':[],'photos':[],'hashtags':[]}]}]}", "$.papers[0].tweets[1].hashtags", "each key once", "the key \"hashtags\" again")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{" + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421'},'tweets':[" + OtherTweetHead + "}," + OtherTweetHead + ",'photos':[],'replies_count':0}]}]}", "$.papers[0].tweets[1].replies_count", "each key once", "the key \"replies_count\" again")]
    [InlineData("{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{" + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421'},'tweets':[" + OtherTweetHead + "}," + OtherTweetHead + ",'photos':[],'name':'B'}]}]}", "$.papers[0].tweets[1].name", "each key once", "the key \"name\" again")]
    public void A_bad_file_gets_one_problem_naming_file_path_expected_and_found(string json, string location, string expected, string found)
    {
        using var temp = Fixture.TempDir();
        var file = temp["2021-04-30.json"];
        File.WriteAllText(file, json.Replace('\'', '"'), new UTF8Encoding(false));

        var e = Assert.Throws<InputException>(() => new RecordsLoader(TimeZoneInfo.Utc).Load(file));

        var problem = Assert.Single(e.Problems);
        Assert.Equal(file, problem.File);
        Assert.StartsWith(location, problem.Location);
        Assert.StartsWith(expected, problem.Expected);
        Assert.StartsWith(found, problem.Found);
        Assert.NotEmpty(problem.Found);
        // A problem with the whole file names no location: "file: $: expected" read as a stray symbol. A JSON
        // path comes with its line (every file here is one line); a syntax error's line and column are its location.
        Assert.Equal(problem.Location.StartsWith("$.", StringComparison.Ordinal) ? 1 : null, problem.Line);
        var where = problem.Location == InputProblem.WholeFile ? "" : problem.Line is { } line ? $"{problem.Location} (line {line}): " : $"{problem.Location}: ";
        Assert.Equal($"{file}: {where}expected {problem.Expected}, found {problem.Found}", problem.ToString());
        Assert.Contains(problem.ToString(), e.Message);
    }

    // Found by two new users' trials: a comma after the last key was "found The JSON object contains a trailing comma
    // at the end which is not supported in this mode. Change the reader options", System.Text.Json's own words.
    [Theory]
    [InlineData("{\n  \"format\": \"hotpapers-records/2\",\n}", "line 3, column 1", "a comma after the last key's value, before } (JSON allows none there)")]
    [InlineData("{\"papers\": [1, 2,]}", "line 1, column 18", "a comma after the last item, before ] (JSON allows none there)")]
    [InlineData("{\"format\": \"x\"\n \"date\": \"2021-04-30\"}", "line 2, column 2", "'\"' after a value, where a comma or the closing bracket should be (a comma missing?)")]
    [InlineData("{'format': \"x\"}", "line 1, column 2", "a single quote (JSON strings and keys take double quotes) where a key in double quotes should begin")]
    [InlineData("{format: \"x\"}", "line 1, column 2", "'f' where a key in double quotes should begin")]
    [InlineData("{\"format\": 'x'}", "line 1, column 12", "a single quote (JSON strings and keys take double quotes) where a value should begin")]
    [InlineData("{\"format\" \"x\"}", "line 1, column 11", "'\"' after a key, where a colon should be")]
    [InlineData("// my notes\n{}", "line 1, column 1", "a / (JSON has no comments) where a value should begin")]
    [InlineData("{\"format\": \"x\" /* why */}", "line 1, column 16", "a / (JSON has no comments) after a value")]
    [InlineData("{\"papers\": [", "line 1, column 13", "the end of the file inside an object or a list (a } or ] missing, or the file cut short?)")]
    [InlineData("{\"format\": \"x", "line 1, column 14", "the end of the file inside a string (a closing \" missing, or the file cut short?)")]
    [InlineData("{} {}", "line 1, column 4", "'{' after the end of the file's object")]
    [InlineData("{\"format\": ", "line 1, column 12", "the end of the file inside an object or a list (a } or ] missing, or the file cut short?)")]
    [InlineData("  \n", "line 2, column 1", "no JSON value, only white space")]
    // Found by a new user's trial: a records file merged with a conflict was "'<' is an invalid start of a value".
    [InlineData("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n", "line 1, column 1", Conflict + "<<<<<<<" + Markers)]
    [InlineData("{\"format\": \"hotpapers-records/2\",\n<<<<<<< HEAD\n\"date\": \"2021-04-30\"\n=======\n\"date\": \"2021-05-01\"\n>>>>>>> theirs\n}", "line 2, column 1", Conflict + "<<<<<<<" + Markers)]
    [InlineData("{\"format\": \"hotpapers-records/2\"\n=======\n}", "line 2, column 1", Conflict + "=======" + Markers)]
    // Found by a second trial: a post saved as a records file.
    [InlineData("---\ntitle: Hot Papers 2021-04-30\n---\n", "line 1, column 2", "a Markdown file's front matter (---), not JSON (a post saved as a records file?)")]
    [InlineData("{\"format\": \"hotpapers-records/2\"\n <<<<<<< HEAD\n}", "line 2, column 2", "'<' after a value, where a comma or the closing bracket should be (a comma missing?)")]
    // Found by a trial: text pasted into a string, and literals written as in Python, were System.Text.Json's sentences.
    [InlineData("{\"title\": \"a\nb\"}", "line 1, column 13", "a line break inside a string (JSON writes it as \\n)")]
    [InlineData("{\"title\": \"a\tb\"}", "line 1, column 13", "a tab inside a string (JSON writes it as \\t)")]
    [InlineData("{\"title\": \"a\u0001b\"}", "line 1, column 13", "the control character U+0001 inside a string (JSON writes it as \\u0001)")]
    [InlineData("{\"title\": \"\\alpha\"}", "line 1, column 13", "\\a inside a string, which is no JSON escape (a backslash itself is written \\\\, as in \\\\alpha)")]
    [InlineData("{\"title\": \"\\u12G4\"}", "line 1, column 16", "\\u followed by 'G' inside a string, where four hex digits should be")]
    [InlineData("{\"draft\": True}", "line 1, column 11", "'T' where a value should begin (JSON's literals are true, false and null, in small letters; it has no NaN or Infinity)")]
    [InlineData("{\"draft\": tru}", "line 1, column 14", "a misspelt literal where true should be (JSON's literals are true, false and null, in small letters)")]
    [InlineData("{\"n\": 07}", "line 1, column 8", "a number with a leading zero (JSON writes 7, not 07)")]
    public void A_slip_of_a_hand_edit_is_said_in_plain_words(string json, string location, string found)
    {
        using var temp = Fixture.TempDir();
        var file = temp["2021-04-30.json"];
        File.WriteAllText(file, json, new UTF8Encoding(false));

        var problem = Assert.Single(Assert.Throws<InputException>(() => new RecordsLoader(TimeZoneInfo.Utc).Load(file)).Problems);

        Assert.Equal((location, "well-formed JSON", found), (problem.Location, problem.Expected, problem.Found));
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported()
    {
        using var temp = Fixture.TempDir();
        var file = temp["many.json"];
        File.WriteAllBytes(file, File.ReadAllBytes(Fixture.Path("records", "bad", "many-problems.json")));

        var e = Assert.Throws<InputException>(() => new RecordsLoader(TimeZoneInfo.Utc).Load(file));

        Assert.All(e.Problems, p => Assert.Equal(file, p.File));
        Assert.Equal(
        [
            "$.extra",
            "$.date",
            "$.collectedAt",
            "$.papers[0].id",
            "$.papers[0].links.pdf",
            "$.papers[0].tweets[0].author.handle",
            "$.papers[0].tweets[1].favorites",
            "$.papers[1].title",
            "$.papers[1].tweets",
        ], e.Problems.Select(p => p.Location));
        Assert.Equal(e.Problems.Count, e.Message.Split(Environment.NewLine).Length);
    }

    [Fact]
    public void Every_problem_in_an_old_crawler_file_is_reported()
    {
        using var temp = Fixture.TempDir();
        var file = temp["2021-05-03.json"];
        File.Copy(Fixture.Path("records", "bad", "legacy-problems.json"), file);

        var e = Assert.Throws<InputException>(() => new RecordsLoader(TimeZoneInfo.Utc).Load(file));

        Assert.Equal(
        [
            $"{file}: $.papers[2].id (line 24): expected each paper once (it is already at $.papers[0]), found \"2105.00010v2\" again",
            $"{file}: $.papers[3].links.Abstract (line 37): expected each paper once (it is already at $.papers[1]), found \"2105.00011\" again",
            $"{file}: $.papers[4].subjects[1] (line 45): expected an arXiv subject as \"Robotics (cs.RO)\", found \"Robotics\"",
            $"{file}: $.papers[4].tweets[0].username (line 48): expected a Twitter handle of letters, digits and _ without @, found \"@grace\"",
            $"{file}: $.papers[4].tweets[1].retweets_count (line 49): expected a whole number from 0 to 2^53, or such a number as a string, found \"ten\"",
            $"{file}: $.papers[4].tweets[2].username (line 50): expected a Twitter handle of letters, digits and _ without @, found \"cy path\"",
            $"{file}: $.papers[5].subjects[0] (line 58): expected an arXiv subject as \"Robotics (cs.RO)\", found \"Statistics Theory ()\"",
        ], e.Problems.Select(p => p.ToString()));
    }

    // Found by a new user's trial: in a records file of 4,000 lines, "$.papers[13].mentions[4].url" took jq to find.
    [Fact]
    public void Each_problem_at_a_JSON_path_gives_the_line_of_its_value_or_of_the_object_missing_it()
    {
        const string Json = """
            {
              "format": "hotpapers-records/1",
              "date": "2021-04-30",
              "collectedAt": "2021-05-01T18:50:48+09:00",
              "papers": [
                {
                  "id": "2104.14421", "title": "T", "authors": ["A",
                    ""],
                  "abstract": "S", "categories": ["cs.LG"],
                  "links": {"abs": "https://arxiv.org/abs/2104.14421"},
                  "tweets": []
                },
                {
                  "id": "2104.00001",
                  "title": "T",
                  "a.b": 1,
                  "abstract": "S", "categories": ["cs.LG"], "links": {"abs": "https://arxiv.org/abs/2104.00001"},
                  "tweets": [],
                  "title": ""
                }
              ]
            }
            """;

        var e = Assert.Throws<InputException>(() => new RecordsLoader(TimeZoneInfo.Utc).Parse("day.json", Encoding.UTF8.GetBytes(Json)));

        var lines = e.Problems.Select(p => (p.Location, p.Found, p.Line)).ToList();
        Assert.Contains(("$.papers[0].authors[1]", "an empty string", 8), lines);
        Assert.Contains(("$.papers[1].authors", "no such key", 13), lines);
        Assert.Contains(("$.papers[1].a.b", "the unknown key \"a.b\"", 16), lines);
        // A key given twice: its last value is the one read, and the one whose line is given.
        Assert.Contains(("$.papers[1].title", "the key \"title\" again", 19), lines);
        Assert.Contains(("$.papers[1].title", "an empty string", 19), lines);
        Assert.All(e.Problems, p => Assert.Contains($": {p.Location} (line {p.Line}): expected ", p.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Utf16_files_are_refused_with_a_hint()
    {
        using var temp = Fixture.TempDir();
        var file = temp["2021-04-30.json"];
        File.WriteAllText(file, "{\"format\":\"hotpapers-records/1\"}", Encoding.Unicode);
        var problem = Assert.Single(Assert.Throws<InputException>(() => new RecordsLoader(TimeZoneInfo.Utc).Load(file)).Problems);
        Assert.Equal(("$", "UTF-8 text", "UTF-16 text (save the file as UTF-8)"), (problem.Location, problem.Expected, problem.Found));
    }

    [Fact]
    public void A_utf8_bom_is_accepted()
    {
        using var temp = Fixture.TempDir();
        var file = temp["2021-04-30.json"];
        File.WriteAllBytes(file, [.. Encoding.UTF8.Preamble, .. File.ReadAllBytes(Fixture.Path("records", "full.json"))]);
        Assert.Equal(2, new RecordsLoader(TimeZoneInfo.Utc).Load(file).Papers.Length);
    }

    // Found by an adversarial test: a symlinked records file was read cut short, to the length of the path the
    // link holds, and failed as malformed JSON.
    [Fact]
    public void A_symlinked_records_file_is_read_by_its_content()
    {
        using var temp = Fixture.TempDir();
        var target = temp["full.json"];
        File.Copy(Fixture.Path("records", "full.json"), target);
        var link = temp["2021-04-30.json"];
        File.CreateSymbolicLink(link, target);
        var loader = new RecordsLoader(TimeZoneInfo.Utc);
        Assert.Equal(RecordsWriter.Write(loader.Load(target)), RecordsWriter.Write(loader.Load(link)));
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_a_crash()
    {
        using var temp = Fixture.TempDir();
        var problem = Assert.Single(Assert.Throws<InputException>(() => new RecordsLoader(TimeZoneInfo.Utc).Load(temp["nope.json"])).Problems);
        Assert.Equal((temp["nope.json"], "a records file", "no such file"), (problem.File, problem.Expected, problem.Found));
    }

    [Fact]
    public void Old_crawler_files_tolerate_their_extra_fields_and_string_counts()
    {
        const string json = "{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{'id':'2104.14421','date':'Fri, 30 Apr 2021','comments':null,'detail':{'x':1},"
            + LegacyPaper + ",'links':{'Abstract':'https://arxiv.org/abs/2104.14421','Other formats':'https://arxiv.org/format/2104.14421'},"
            + "'tweets':[{'link':'https://twitter.com/a/status/1','name':'A','username':'a','tweet':'t','retweets_count':'12','likes_count':'30','replies_count':0,'urls':[],'retweet':false}]}]}";
        var records = new RecordsLoader(TimeZoneInfo.Utc).Parse("old.json", Encoding.UTF8.GetBytes(json.Replace('\'', '"')));
        var paper = Assert.Single(records.Papers);
        Assert.Null(paper.PdfUrl);
        Assert.Equal(42, Assert.Single(paper.Mentions).Score);
    }

    private static DigestRecords LegacyPaperWith(string[] subjects, string[] usernames)
    {
        var tweets = usernames.Select((u, i) => $"{{'link':'https://twitter.com/a/status/{i + 1}','name':'A','username':{System.Text.Json.JsonSerializer.Serialize(u)},'tweet':'t','retweets_count':1,'likes_count':2}}");
        var json = "{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{'title':'T','authors':['A'],'subjects':" + System.Text.Json.JsonSerializer.Serialize(subjects)
            + ",'summary':'S','links':{'Abstract':'https://arxiv.org/abs/2104.14421'},'tweets':[" + string.Join(",", tweets) + "]}]}";
        return new RecordsLoader(TimeZoneInfo.Utc).Parse("old.json", Encoding.UTF8.GetBytes(json.Replace('\'', '"')));
    }

    // Found by a user's trial: "Robotics" (no category in parentheses) linked to https://arxiv.org/list/Robotics/recent, which goes nowhere.
    [Fact]
    public void Old_crawler_subjects_give_the_arXiv_category_in_their_parentheses_and_one_without_is_refused()
    {
        string[] subjects =
        [
            "Machine Learning (stat.ML)", "High Energy Physics - Theory (hep-th)", "Quantitative Methods (q-bio.QM)", "Computational Physics (physics.comp-ph)",
            "Statistical Mechanics (cond-mat.stat-mech)", "Cosmology and Nongalactic Astrophysics (astro-ph.CO)", "Mathematical Physics (math-ph)",
            "General Relativity and Quantum Cosmology (gr-qc)", "Robotics ( cs.RO ) ", "cs.LG",
        ];
        Assert.Equal("stat.ML hep-th q-bio.QM physics.comp-ph cond-mat.stat-mech astro-ph.CO math-ph gr-qc cs.RO cs.LG",
            string.Join(' ', Assert.Single(LegacyPaperWith(subjects, []).Papers).Categories));

        foreach (var bad in new[] { "Robotics", "Robotics ()", "Robotics (Robots)", "Robotics (cs.RO", "Robotics (cs.RO extra)", "Machine Learning (cs..LG)" })
        {
            var e = Assert.Throws<InputException>(() => LegacyPaperWith(["Machine Learning (cs.LG)", bad], []));
            var problem = Assert.Single(e.Problems);
            Assert.Equal(("$.papers[0].subjects[1]", "an arXiv subject as \"Robotics (cs.RO)\"", JsonChecker.Quote(bad)), (problem.Location, problem.Expected, problem.Found));
        }
    }

    // Found by a user's trial: "@grace" was shown as "(@@grace)". twint wrote usernames without the @.
    [Fact]
    public void Old_crawler_usernames_are_twitter_handles_without_the_at()
    {
        string[] handles = ["grace", "Grace_Hopper", "_", "x2021", "AbcdefghijklmnO"];
        Assert.Equal(handles, Assert.Single(LegacyPaperWith(["Machine Learning (cs.LG)"], handles).Papers).Mentions.Select(m => m.Handle));

        foreach (var bad in new[] { "@grace", "grace hopper", "grace.hopper", "gr\u00e4ce", "grace@mastodon.social" })
        {
            var e = Assert.Throws<InputException>(() => LegacyPaperWith(["Machine Learning (cs.LG)"], ["ada", bad]));
            var problem = Assert.Single(e.Problems);
            Assert.Equal(("$.papers[0].tweets[1].username", "a Twitter handle of letters, digits and _ without @", JsonChecker.Quote(bad)), (problem.Location, problem.Expected, problem.Found));
        }
    }

    [Theory]
    // Single quotes stand for double quotes; the old generator joined hard line breaks (LF or CRLF) with a space each.
    [InlineData("no break", "no break")]
    [InlineData("a\\nb\\r\\nc", "a b c")]
    [InlineData("\\n\\nstarts and ends\\r\\n", "  starts and ends ")]
    [InlineData("a lone\\rCR stays, a CR before CRLF too\\r\\r\\nend", "a lone\rCR stays, a CR before CRLF too\r end")]
    [InlineData("trailing CR\\r", "trailing CR\r")]
    [InlineData("LF CR\\n\\rLF\\n\\n\\r\\n", "LF CR \rLF   ")]
    public void Old_crawler_titles_and_abstracts_are_joined_into_one_line(string written, string read)
    {
        var json = "{'meta':{'since':'2021/04/30','until':'2021/05/01'},'papers':[{'title':'" + written + "','authors':['A'],'subjects':['cs.LG'],'summary':'"
            + written + "','links':{'Abstract':'https://arxiv.org/abs/2104.14421'},'tweets':[]}]}";
        var paper = Assert.Single(new RecordsLoader(TimeZoneInfo.Utc).Parse("old.json", Encoding.UTF8.GetBytes(json.Replace('\'', '"'))).Papers);
        Assert.Equal((read, read), (paper.Title, paper.Abstract));
    }

    [Fact]
    public void A_long_quoted_value_is_not_cut_between_the_halves_of_an_emoji()
    {
        var value = new string('x', JsonChecker.QuotedLength - 1) + "🎉" + new string('y', 10);
        Assert.Equal("\"" + new string('x', JsonChecker.QuotedLength - 1) + "...\"", JsonChecker.Quote(value));
    }
}
