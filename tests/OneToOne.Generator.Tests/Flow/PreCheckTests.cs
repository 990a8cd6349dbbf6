namespace OneToOne.Generator.Tests.Flow;

/// <summary>
/// The syntax pre-check before any binding: a body is analysed when its text names a linked type, a navigation, a
/// reverse accessor or an extension form's Get/Set, and skipped otherwise (a documented limit). Each body here
/// names one kind of name only, so each name's part in the check is seen on its own.
/// </summary>
public class PreCheckTests
{
    private const string Make = """
        public static class Make
        {
            public static User U() => new User();
            public static Preferences P() => new Preferences();
            public static Person Who() => new Person();
            public static void Link(Preferences p, User u) { p.Owner = u; }
        }
        """;

    [Fact]
    public Task NamesDeepInALongExpressionAreFound()
    {
        // The only names are the first terms of a long concatenation, the deepest part of its tree: the walks that
        // look for names and links go down that far (past where they stop recursing) and still find them.
        var terms = string.Join(" + ", Enumerable.Repeat("\"\"", 150));
        return FlowVerifier.VerifyAsync(Make + $$"""
            public class C
            {
                public string M(object o, object w, object x)
                {
                    return (((Preferences)w).Owner = (User)x).Name + ({|OTO100:((Preferences)o).Owner = (User)x|}).Name + {{terms}};
                }
            }
            """);
    }

    [Fact]
    public Task AVeryLongExpressionIsAnalysedWithoutExhaustingTheStack()
    {
        var terms = string.Join(" + ", Enumerable.Repeat("t", 5000)); // not constant: the chain is walked, not folded
        return FlowVerifier.VerifyAsync(Make + $$"""
            public class C
            {
                public void M()
                {
                    var u = Make.U();
                    var a = Make.P();
                    var b = Make.P();
                    a.Owner = u;
                    var t = u.Name;
                    var s = {{terms}};
                    {|OTO100:b.Owner = u|};
                }
            }
            """);
    }

    [Fact]
    public Task ALongElseIfChainIsAnalysed()
    {
        var chain = string.Join(" else ", Enumerable.Range(0, 2000).Select(i => $"if (n == {i}) u.Name = \"{i}\";"));
        return FlowVerifier.VerifyAsync(Make + $$"""
            public class C
            {
                public void M(int n)
                {
                    var u = Make.U();
                    var a = Make.P();
                    var b = Make.P();
                    a.Owner = u;
                    {{chain}}
                    {|OTO100:b.Owner = u|};
                }
            }
            """);
    }

    [Fact]
    public Task ABodyThatNamesOnlyTheNavigationIsAnalysed() => FlowVerifier.VerifyAsync(Make + """
        public class C
        {
            public void M()
            {
                var u = Make.U();
                var a = Make.P();
                var b = Make.P();
                a.Owner = u;
                {|OTO100:b.Owner = u|};
            }
        }
        """);

    [Fact]
    public Task ABodyThatNamesOnlyTheReverseAccessorIsAnalysed() => FlowVerifier.VerifyAsync(Make + """
        public class C
        {
            public void M()
            {
                var p = Make.Who();
                var a = Make.Who();
                var b = Make.Who();
                p.Mentee = a;
                {|OTO100:p.Mentee = b|};
            }
        }
        """);

    [Fact]
    public Task ABodyThatNamesOnlyThePrincipalTypeIsAnalysed() => FlowVerifier.VerifyAsync(Make + """
        public class C
        {
            public void M()
            {
                var u = Make.U();
                var a = Make.P();
                var b = Make.P();
                _ = nameof(User);
                Make.Link(a, u);
                {|OTO100:Make.Link(b, u)|};
            }
        }
        """);

    [Fact]
    public Task ABodyThatNamesNoLinkNameIsNotAnalysed() => FlowVerifier.SafeAsync(Make + """
        public class C
        {
            public void M()
            {
                var u = Make.U();
                var a = Make.P();
                var b = Make.P();
                Make.Link(a, u);
                Make.Link(b, u); // the same conflict as above: not seen, as the rule page says
            }
        }
        """);

    /// <summary>
    /// A link whose names are all different from each other and from the shared models' (the dependent type, the
    /// principal type, the navigation, the reverse accessor, its extension methods), so that a body naming one of them
    /// passes the pre-check through that name alone.
    /// </summary>
    private const string Distinct = """
        public partial class Account { }
        [OneToOne(typeof(Account), Navigation = "Holder", Reverse = "Pass")]
        public partial class Ticket { }
        [OneToOne(typeof(System.Text.StringBuilder), Navigation = "Buffer", Reverse = "Note")]
        public partial class Memo { }
        public static class Tickets
        {
            public static Account A() => new Account();
            public static Ticket T() => new Ticket();
            public static void Attach(Ticket t, Account a) { t.Holder = a; }
            public static System.Text.StringBuilder Sb() => new System.Text.StringBuilder();
            public static Memo M() => new Memo();
        }
        """;

    [Fact]
    public Task ABodyThatNamesOnlyTheDependentTypeIsAnalysed() => FlowVerifier.VerifyAsync(Distinct + """
        public class C
        {
            public void M()
            {
                var a = Tickets.A();
                var t1 = new Ticket();
                var t2 = new Ticket();
                Tickets.Attach(t1, a);
                {|OTO100:Tickets.Attach(t2, a)|};
            }
        }
        """);

    [Fact]
    public Task ABodyThatNamesOnlyADistinctPrincipalTypeIsAnalysed() => FlowVerifier.VerifyAsync(Distinct + """
        public class C
        {
            public void M()
            {
                var a = new Account();
                var t1 = Tickets.T();
                var t2 = Tickets.T();
                Tickets.Attach(t1, a);
                {|OTO100:Tickets.Attach(t2, a)|};
            }
        }
        """);

    [Fact]
    public Task ABodyThatNamesOnlyTheExtensionSetterIsAnalysed() => FlowVerifier.VerifyAsync(Distinct + """
        public class C
        {
            public void M()
            {
                var sb = Tickets.Sb();
                var m1 = Tickets.M();
                var m2 = Tickets.M();
                sb.SetNote(m1);
                {|OTO100:sb.SetNote(m2)|};
            }
        }
        """);

    [Fact]
    public Task ABodyThatNamesNoneOfTheDistinctNamesIsNotAnalysed() => FlowVerifier.SafeAsync(Distinct + """
        public class C
        {
            public void M()
            {
                var a = Tickets.A();
                var t1 = Tickets.T();
                var t2 = Tickets.T();
                Tickets.Attach(t1, a);
                Tickets.Attach(t2, a); // the same conflict: not seen, as the rule page says
            }
        }
        """);

    /// <summary>
    /// A link spelled through a using alias declared inside a namespace, next to an ordinary using: the syntax scan
    /// must still see it as a link (the attribute's name alone does not say), or the analysis would not run at all.
    /// </summary>
    [Fact]
    public async Task ALinkDeclaredThroughAnAliasInsideANamespaceIsSeen()
    {
        const string source = """
            using System;
            namespace Zoo
            {
                using System.Collections.Generic;
                using Link = OneToOne.OneToOneAttribute;
                public partial class Keeper { }
                [Link(typeof(Keeper))]
                public partial class Pen { }
                public static class Rounds
                {
                    public static void M(Keeper k, Pen a, Pen b)
                    {
                        a.Keeper = k;
                        b.Keeper = k;
                    }
                }
            }
            """;
        var diagnostics = await TestCompiler.OneToOneDiagnosticsAsync(source);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("OTO100", diagnostic.Id);
        Assert.Equal("b.Keeper = k", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }
}
