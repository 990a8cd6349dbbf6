using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OneToOne.Reliability.Tests.Fuzzing;

/// <summary>
/// Mutates C# source text the way an editor session or a careless edit would: tokens deleted, duplicated, swapped
/// or replaced, the arguments of a <c>[OneToOne]</c> replaced by arguments of a wrong kind, the text cut short
/// (half-typed code), fragments typed in the middle. Three quarters of the token mutations hit a
/// <c>[OneToOne]</c> attribute list, a class header or a method body with link operations. Deterministic for a
/// given <see cref="Random"/>.
/// </summary>
public sealed class Mutator(Random random)
{
    /// <summary>Argument lists of every wrong kind (and a few right ones) for <c>[OneToOne(...)]</c>.</summary>
    public static readonly string[] AttributeArguments =
    [
        "", "()", "(null)", "(default)", "(\"User\")", "(42)", "(typeof(int))", "(typeof(string))", "(typeof(object))",
        "(typeof(User[]))", "(typeof(User*))", "(typeof(User?))", "(typeof(System.IDisposable))", "(typeof(System.Action))",
        "(typeof(System.DayOfWeek))", "(typeof(System.Math))", "(typeof(System.ValueTuple<int, int>))",
        "(typeof(System.Collections.Generic.List<>))", "(typeof(System.Collections.Generic.List<int>))", "(typeof(Box<>))",
        "(typeof(Box<int>))", "(typeof(Box<User>))", "(typeof(Undefined))", "(typeof(dynamic))", "(typeof(void))", "(typeof(T))",
        "(typeof(Profile))", "(typeof(Profile), Navigation = \"Up\", Reverse = \"Down\")", "(typeof(User), Navigation = 42)",
        "(typeof(User), Navigation = null)", "(typeof(User), Reverse = null)", "(typeof(User), Navigation = \"\")",
        "(typeof(User), Navigation = \" \")", "(typeof(User), Navigation = \"class\")", "(typeof(User), Navigation = \"@class\")",
        "(typeof(User), Reverse = \"a b\")", "(typeof(User), Reverse = \"1st\")", "(typeof(User), Navigation = \"Ünïcødé\")",
        "(typeof(User), Navigation = \"_\")", "(typeof(User), Navigation = \"Name\")", "(typeof(User), Reverse = \"Name\")",
        "(typeof(User), Reverse = \"ToString\")", "(typeof(User), Navigation = \"Bio\")", "(typeof(User), Reverse = \"User\")",
        "(typeof(User), Navigation = \"Profile\")", "(typeof(User), Navigation = \"User\", Reverse = \"User\")",
        "(typeof(User), Navigation = \"X\", Navigation = \"Y\")", "(typeof(User), Required = \"yes\")", "(typeof(User), Required = 1)",
        "(typeof(User), Required = null)", "(typeof(User), OnConflict = (OneToOneConflict)7)",
        "(typeof(User), OnConflict = (OneToOneConflict)(-1))", "(typeof(User), OnDelete = (OneToOneDelete)99)",
        "(typeof(User), OnConflict = OneToOneDelete.Cascade)", "(typeof(User), OnConflict = 1)",
        "(typeof(User), OnConflict = OneToOneConflict.Replace, Required = true)",
        "(typeof(User), OnDelete = OneToOneDelete.SetNull, Required = true)", "(typeof(User), typeof(User))",
        "(Principal = typeof(User))", "(typeof(User), Principal = typeof(Profile))", "(typeof(User), Navigation = nameof(Profile))",
        "(typeof(User), Navigation = Constant)", "(typeof(User), Navigation = \"A\" + \"B\")",
        "(typeof(User), Reverse = \"__oneToOne_Profile\")", "(typeof(User), Navigation = \"__OneToOneLink_User\")",
        "(typeof(User), Navigation = new string('a', 3))", "(typeof(User), Unknown = 1)",
        "(typeof(User), Navigation = \"" + new string('N', 600) + "\")", "(typeof(System.Text.StringBuilder))",
        "(typeof(System.Text.StringBuilder), Reverse = \"Length\")", "(typeof(System.Uri), Reverse = \"Host\")",
        "(typeof(System.Exception), Reverse = \"Message\")", "(typeof(User)", "(typeof(", "(typeof(User), Navigation = \"",
        "(typeof(User), Navigation =)", "(typeof(User),)", "(typeof(User), , Reverse = \"R\")", "(typeof(User) Navigation = \"N\")",
        "(typeof(global::App.User))", "(typeof(User), Reverse = \"Badge\")", "(typeof(User), Reverse = \"Passport\")",
        "(typeof(Person), Navigation = \"Mentor\")", "(typeof(Person))", "(typeof(Outer.Inner.Thing))",
    ];

    /// <summary>Argument lists that are valid on their own (they may still clash with another link: OTO005).</summary>
    public static readonly string[] ValidAttributeArguments =
    [
        "(typeof(User))", "(typeof(User), Navigation = \"Owner2\", Reverse = \"Thing2\")", "(typeof(User), Required = true)",
        "(typeof(User), Reverse = \"Extra\", OnConflict = OneToOneConflict.Replace, OnDelete = OneToOneDelete.SetNull)",
        "(typeof(User), Reverse = \"Kept\", OnDelete = OneToOneDelete.Restrict, Required = true)", "(typeof(Account), Reverse = \"Other\")",
        "(typeof(System.Text.StringBuilder), Reverse = \"Memo\")", "(typeof(System.Uri))", "(typeof(Box<int>), Reverse = \"IntBox\")",
        "(typeof(Box<Box<string>>))", "(typeof(Profile), Navigation = \"Up\", Reverse = \"Down\")", "(principal: typeof(User), Reverse = \"Named\")",
        "(typeof(global::Decl.User), Navigation = \"@Fully\", Reverse = \"_under\")", "(typeof(User), Navigation = \"Ünïcødé\", Reverse = \"Δ\")",
        "(typeof(User), OnConflict = OneToOneConflict.Throw, OnDelete = OneToOneDelete.Cascade, Required = false, Navigation = \"All\", Reverse = \"Every\")",
    ];

    /// <summary>Tokens to put in place of another: keywords, punctuation, names of the program, literals.</summary>
    public static readonly string[] Vocabulary =
    [
        "class", "struct", "record", "record struct", "interface", "enum", "static", "partial", "public", "internal", "private",
        "protected", "file", "abstract", "sealed", "new", "null", "typeof", "nameof", "default", "var", "this", "base", "if", "else",
        "while", "for", "foreach", "return", "await", "async", "ref", "out", "in", "is", "not", "delegate", "unsafe", "fixed", "extension",
        "{", "}", "(", ")", "[", "]", ";", ",", ".", "=", "==", "?.", "!", "?", "<", ">", "=>", "??=", ":", "::", "*", "@", "#", "$\"",
        "User", "Profile", "Badge", "Passport", "Person", "Mentor", "Mentee", "OneToOne", "OneToOneAttribute", "Navigation", "Reverse",
        "Required", "OnConflict", "OnDelete", "Replace", "Throw", "Cascade", "SetNull", "x", "T", "Box<int>", "Box<>", "global::",
        "\"\"", "\"x\"", "0", "-1", "true", "1.5", "'c'", "/*", "*/", "//", "#if X", "#endif", "\n",
    ];

    /// <summary>Fragments typed in the middle of code (half-typed edits).</summary>
    public static readonly string[] Fragments =
    [
        "[OneToOne(typeof(", "[OneToOne(typeof(User))]", "[OneToOne(typeof(User))] partial class Extra { }", "[OneToOne",
        "p.User = ", "u.Profile = ", ".Profile", ".User = u;", "new Profile { User = ", "x => x.User = u", "= null;", "?.Profile = p;",
        "partial class User { public User Profile; }", "partial class Profile { public int User; }",
        "partial class Profile { public Profile() { User = null!; } }", "record Rec(int X);", "[OneToOne(typeof(User))] record R;",
        "[OneToOne(typeof(User))] struct S { }", "[OneToOne(typeof(User))] static class St { }",
        "[OneToOne(typeof(User))] partial class G<T> { }", "[OneToOne(typeof(User))] interface I { }",
        "for (;;) { p.User = u; }", "goto L; L: p.User = u;", "try { p.User = u; } catch { u.Profile = null; } finally { }",
        "async System.Threading.Tasks.Task A() { await System.Threading.Tasks.Task.Yield(); }", "lock (u) { u.Profile = p; }",
        "using OneToOne;", "namespace", "}", "{", ")", "(", ";",
    ];

    /// <summary>Modifiers put in place of another modifier of a class declaration.</summary>
    public static readonly string[] Modifiers = ["public", "internal", "sealed", "abstract", "static", "private", "protected", "file", "public sealed", "internal abstract", ""];

    /// <summary>
    /// One mutation of a program made of declarations only, biased towards edits that keep it valid (other
    /// arguments, other modifiers), so that the generated code is compile-checked often.
    /// </summary>
    public (string Text, string Mutations) MutateDeclarations(string source, CSharpParseOptions options)
    {
        var root = CSharpSyntaxTree.ParseText(source, options).GetRoot();
        switch (random.Next(5))
        {
            case 0:
            case 1:
            {
                var attribute = Pick(root.DescendantNodes().OfType<AttributeSyntax>().Where(a => a.Name.ToString() == "OneToOne").ToArray());
                var args = Pick(ValidAttributeArguments);
                return (Replace(source, attribute.ArgumentList!.Span.Start, attribute.ArgumentList.Span.Length, args), $"arguments '{Short(args)}'");
            }

            case 2:
            {
                var modifier = Pick(root.DescendantNodes().OfType<ClassDeclarationSyntax>().SelectMany(c => c.Modifiers).Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).ToArray());
                var with = Pick(Modifiers);
                return (Replace(source, modifier.SpanStart, modifier.Span.Length, with), $"modifier '{modifier.Text}' to '{with}'");
            }

            default:
                return Mutate(source, options);
        }
    }

    /// <summary>Returns <paramref name="source"/> with 1 to 3 mutations applied, and their names.</summary>
    public (string Text, string Mutations) Mutate(string source, CSharpParseOptions options)
    {
        var names = new List<string>();
        var text = source;
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var (mutated, name) = MutateOnce(text, options);
            text = mutated;
            names.Add(name);
        }

        return (text, string.Join(", ", names));
    }

    private (string Text, string Name) MutateOnce(string text, CSharpParseOptions options)
    {
        var root = CSharpSyntaxTree.ParseText(text, options).GetRoot();
        var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).ToArray();
        if (tokens.Length == 0)
        {
            return (text + Pick(Fragments), "append fragment");
        }

        var focused = tokens.Where(IsFocused).ToArray();
        SyntaxToken PickToken() => focused.Length > 0 && random.Next(4) != 0 ? Pick(focused) : Pick(tokens);

        switch (random.Next(9))
        {
            case 0:
            {
                var t = PickToken();
                return (Replace(text, t.Span.Start, t.Span.Length, ""), $"delete '{t.Text}'");
            }

            case 1:
            {
                var t = PickToken();
                return (Replace(text, t.Span.End, 0, " " + t.Text), $"duplicate '{t.Text}'");
            }

            case 2:
            {
                var a = PickToken();
                var b = random.Next(2) == 0 ? Neighbour(tokens, a) : PickToken();
                return (Swap(text, a, b), $"swap '{a.Text}' and '{b.Text}'");
            }

            case 3:
            case 4:
            {
                var t = PickToken();
                var v = Pick(Vocabulary);
                return (Replace(text, t.Span.Start, t.Span.Length, v), $"replace '{t.Text}' by '{v}'");
            }

            case 5:
            {
                var attributes = root.DescendantNodes().OfType<AttributeSyntax>().Where(a => a.Name.ToString().Contains("OneToOne", StringComparison.Ordinal)).ToArray();
                if (attributes.Length == 0)
                {
                    goto case 0;
                }

                var attribute = Pick(attributes);
                var args = random.Next(3) == 0 ? Pick(ValidAttributeArguments) : Pick(AttributeArguments);
                var span = attribute.ArgumentList?.Span ?? new Microsoft.CodeAnalysis.Text.TextSpan(attribute.Name.Span.End, 0);
                return (Replace(text, span.Start, span.Length, args), $"arguments '{Short(args)}'");
            }

            case 6:
            {
                // Half-typed: the text stops somewhere inside a focused token's line, as in an editor mid-edit.
                var t = PickToken();
                var cut = t.Span.Start + random.Next(t.Span.Length + 1);
                return (text[..cut], "cut short");
            }

            case 7:
            {
                var t = PickToken();
                var f = Pick(Fragments);
                return (Replace(text, random.Next(2) == 0 ? t.Span.Start : t.Span.End, 0, " " + f + " "), $"type '{Short(f)}'");
            }

            default:
            {
                // Delete a run of 2 to 6 tokens (a selection deleted).
                var start = Array.IndexOf(tokens, PickToken());
                var end = Math.Min(tokens.Length - 1, start + 1 + random.Next(5));
                return (Replace(text, tokens[start].Span.Start, tokens[end].Span.End - tokens[start].Span.Start, ""), $"delete {end - start + 1} tokens");
            }
        }
    }

    private static bool IsFocused(SyntaxToken token) =>
        token.Parent is { } parent &&
        parent.AncestorsAndSelf().Any(n =>
            n is AttributeListSyntax list && list.Attributes.Any(a => a.Name.ToString().Contains("OneToOne", StringComparison.Ordinal)) ||
            n is BlockSyntax ||
            n is ClassDeclarationSyntax c && token.SpanStart < c.OpenBraceToken.SpanStart);

    private static SyntaxToken Neighbour(SyntaxToken[] tokens, SyntaxToken token)
    {
        var i = Array.IndexOf(tokens, token);
        return i + 1 < tokens.Length ? tokens[i + 1] : tokens[Math.Max(0, i - 1)];
    }

    private static string Swap(string text, SyntaxToken a, SyntaxToken b)
    {
        if (a.Span == b.Span || a.Span.OverlapsWith(b.Span))
        {
            return text;
        }

        var (first, second) = a.SpanStart < b.SpanStart ? (a, b) : (b, a);
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first.SpanStart);
        builder.Append(second.Text);
        builder.Append(text, first.Span.End, second.SpanStart - first.Span.End);
        builder.Append(first.Text);
        builder.Append(text, second.Span.End, text.Length - second.Span.End);
        return builder.ToString();
    }

    private static string Replace(string text, int start, int length, string with) =>
        string.Concat(text.AsSpan(0, start), with, text.AsSpan(start + length));

    private static string Short(string s) => s.Length <= 40 ? s : s[..37] + "...";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
