namespace OneToOne;

/// <summary>
/// "a" or "an" before a type name, in exception messages and in the generated code's docs alike (it is compiled into
/// the runtime library and the generator): <c>an OfficeAssignment</c>, <c>a User</c>.
/// </summary>
/// <remarks>
/// <c>an</c> before A, E, I and O (<c>an OfficeAssignment</c>, <c>an Item</c>); before U, <c>a</c> when a consonant
/// and then a vowel follow (the sound of "you": <c>a User</c>, <c>a Unicorn</c>, <c>a Unit</c>) and <c>an</c>
/// otherwise (<c>an Update</c>, <c>an Umbrella</c>); <c>a</c> before anything else (<c>a Profile</c>,
/// <c>a _Draft</c>). Letters of either case.
/// </remarks>
internal static class EnglishArticle
{
    /// <summary>"a" or "an" for <paramref name="name"/>.</summary>
    /// <param name="name">The type name.</param>
    /// <returns><c>a</c> or <c>an</c>.</returns>
    public static string For(string name)
    {
        if (name.Length == 0)
        {
            return "a";
        }

        switch (char.ToUpperInvariant(name[0]))
        {
            case 'A':
            case 'E':
            case 'I':
            case 'O':
                return "an";
            case 'U':
                return name.Length >= 3 && !IsVowel(name[1]) && IsVowel(name[2]) ? "a" : "an";
            default:
                return "a";
        }
    }

    private static bool IsVowel(char c) => "AEIOUaeiou".IndexOf(c) >= 0;
}
