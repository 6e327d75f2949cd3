using System.Text;
using HotPapers.Importing;

namespace HotPapers.Tests.Importing;

/// <summary>Issue 3, item 4: garbled text is repaired when certain, and right text is never touched.</summary>
public sealed class MojibakeRepairTests
{
    private static Encoding Framework(int codePage) => CodePagesEncodingProvider.Instance.GetEncoding(codePage)
        ?? Encoding.GetEncoding(codePage);

    public static IEnumerable<object[]> Pages() =>
    [
        ["Mac OS Roman", 10000],
        ["Windows-1252", 1252],
        ["Latin-1", 28591],
    ];

    private static MojibakeRepair.CodePage Ours(string name) => MojibakeRepair.CodePages.Single(p => p.Name == name);

    [Theory]
    [MemberData(nameof(Pages))]
    public void Our_code_page_tables_agree_with_the_frameworks(string name, int codePage)
    {
        var framework = Framework(codePage);
        var ours = Ours(name);
        for (var b = 0x80; b <= 0xFF; b++)
        {
            var theirs = framework.GetString([(byte)b]);
            // Windows-1252 leaves five bytes undefined; Windows decodes them to the C1 controls, as we do.
            if (name == "Windows-1252" && b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D) continue;
            // Apple moved 0xDB from the currency sign to the euro in Mac OS 8.5, and 0xBD from the ohm
            // sign to omega; tables differ, and we read both.
            if (name == "Mac OS Roman" && b is 0xDB or 0xBD)
            {
                Assert.Contains(theirs[0], b == 0xDB ? "\u00A4\u20AC" : "\u2126\u03A9");
                Assert.True(ours.TryEncode(theirs, out var alias) && alias[0] == b);
                continue;
            }
            Assert.Equal(theirs, ours.UpperHalf[b - 0x80].ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Text_garbled_by_the_frameworks_encoding_is_repaired_exactly(string name, int codePage)
    {
        var clean = "Hervé Jégou, Elmar Körding — “quotes” 日本語のツイート 💫 👩🏾‍💻 naïve façade";
        var garbled = Framework(codePage).GetString(Encoding.UTF8.GetBytes(clean));
        if (name == "Windows-1252") garbled = Ours(name).Decode(Encoding.UTF8.GetBytes(clean)); // keeps the five undefined bytes
        Assert.NotEqual(clean, garbled);
        var (text, fixes) = MojibakeRepair.Repair("ascii line\n" + garbled + "\nanother");
        Assert.Equal("ascii line\n" + clean + "\nanother", text);
        var fix = Assert.Single(fixes);
        Assert.Equal(2, fix.Line);
        Assert.Equal(name, fix.Encoding);
        Assert.Contains("Herv", fix.Before);
        Assert.Contains("Hervé", fix.After);
    }

    [Theory]
    [InlineData("Hervé Jégou, Daniëlle L. A. Pieterse, Elmar Körding")]
    [InlineData("AI分野で人気なベンチマークにおいて，人間レベルのスコアに到達するまでの期間")]
    [InlineData("نموذج جديد يقرأ العربية")]
    [InlineData("This is huge 🔥🔥 👩🏾‍💻 💫")]
    [InlineData("accuracy improves by 3.2% ± 0.4% and √n scaling holds; √2 ≈ 1.414, ∞ ≠ ∑")]
    [InlineData("Ångström, Œuvre, “smart quotes” – en dash — em dash … ellipsis €5")]
    [InlineData("ß ü ö ä Ø ø Å å Ç ç ñ")]
    [InlineData("Zhang Wei (张伟), Иван Петров, 한국어, हिन्दी")]
    public void Right_text_is_never_touched(string line)
    {
        var (text, fixes) = MojibakeRepair.Repair(line + "\n" + line);
        Assert.Equal(line + "\n" + line, text);
        Assert.Empty(fixes);
        Assert.Empty(MojibakeRepair.Suspects(text));
    }

    [Fact]
    public void Garbled_text_that_lost_bytes_is_left_alone_but_pointed_out()
    {
        // Latin-1 mojibake of "Hervé Jégou 日本" whose C1 control characters a tool dropped on the way.
        var garbled = MojibakeRepair.Latin1.Decode(Encoding.UTF8.GetBytes("Hervé Jégou 日本")).Replace("\u0097", "").Replace("\u009C", "");
        var (text, fixes) = MojibakeRepair.Repair("ok\n" + garbled);
        Assert.Empty(fixes);
        Assert.Equal("ok\n" + garbled, text);
        var suspect = Assert.Single(MojibakeRepair.Suspects(text));
        Assert.Equal(2, suspect.Line);
        Assert.Contains("Ã©", suspect.Excerpt);
    }

    [Fact]
    public void The_file_decides_the_code_page_so_a_stray_accent_is_not_taken_for_a_repair()
    {
        // "Ã©" is é garbled through Windows-1252; read as Mac OS Roman it would be a combining mark.
        Assert.Equal("caf\u0329", MojibakeRepair.TryRepairLine("cafÃ©", MojibakeRepair.MacRoman));
        var (text, fixes) = MojibakeRepair.Repair("cafÃ©\nHervÃ© JÃ©gou");
        Assert.Equal("café\nHervé Jégou", text);
        Assert.All(fixes, f => Assert.Equal("Windows-1252", f.Encoding));
        // A file of Mac OS Roman mojibake keeps its one code page.
        Assert.Equal("Hervé\n√ used on purpose", MojibakeRepair.Repair("Herv√©\n√ used on purpose").Text);
    }

    [Fact]
    public void Twice_garbled_text_is_not_half_repaired()
    {
        var once = MojibakeRepair.MacRoman.Decode(Encoding.UTF8.GetBytes("Hervé"));
        var twice = MojibakeRepair.MacRoman.Decode(Encoding.UTF8.GetBytes(once));
        Assert.Null(MojibakeRepair.TryRepairLine(twice, MojibakeRepair.MacRoman));
        Assert.Equal("Hervé", MojibakeRepair.TryRepairLine(once, MojibakeRepair.MacRoman));
    }

    [Fact]
    public void The_garbled_reference_is_repaired_to_the_clean_reference_and_each_repair_reported()
    {
        var clean = Fixture.Read("reference", "hot-papers-2021-04-30.md");
        var garbled = Fixture.Read("reference", "hot-papers-2021-04-30.as-received.md");
        var (text, fixes) = MojibakeRepair.Repair(garbled);
        Assert.Equal(clean, text);
        var cleanLines = clean.Split('\n');
        var garbledLines = garbled.Split('\n');
        var changed = Enumerable.Range(0, cleanLines.Length).Where(i => cleanLines[i] != garbledLines[i]).Select(i => i + 1).ToList();
        Assert.Equal(changed, fixes.Select(f => f.Line).ToList());
        Assert.All(fixes, f => Assert.Equal("Mac OS Roman", f.Encoding));
        Assert.Contains(fixes, f => f.Before.Contains("Herv√© J√©gou") && f.After.Contains("Hervé Jégou"));
        Assert.All(fixes, f => Assert.True(f.Before.Length <= 40 && f.After.Length <= 40));
    }
}
