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
}
