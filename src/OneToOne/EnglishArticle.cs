namespace OneToOne;

/// <summary>
/// "a" or "an" before a type name in messages and generated docs: <c>an OfficeAssignment</c>, <c>a User</c>.
/// Compiled into the runtime library and the generator alike, so exceptions and generated docs agree.
/// </summary>
/// <remarks>
/// By sound, as far as the spelling tells: "an" before a vowel letter, except where the vowel sounds like a
/// consonant (<c>a User</c>, <c>a Unit</c>, <c>a Euro</c>, <c>a OneTimeCode</c>); "an" before a silent h
/// (<c>an Hour</c>, <c>an Honor</c>); "a" otherwise.
/// </remarks>
internal static class EnglishArticle
{
    private static readonly string[] ConsonantSoundingVowels = ["uni", "use", "usa", "usu", "uti", "ura", "ure", "uri", "uro", "ubi", "eu", "ewe", "one", "once", "ouija"];
    private static readonly string[] SilentH = ["hour", "honest", "honor", "honour", "heir"];

    /// <summary>"a" or "an" for <paramref name="word"/>.</summary>
    public static string For(string word)
    {
        if (string.IsNullOrEmpty(word))
        {
            return "a";
        }

        var lower = word.ToLowerInvariant();
        foreach (var prefix in SilentH)
        {
            if (lower.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return "an";
            }
        }

        foreach (var prefix in ConsonantSoundingVowels)
        {
            if (lower.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return "a";
            }
        }

        return "aeiou".IndexOf(lower[0]) >= 0 ? "an" : "a";
    }

    /// <summary><paramref name="word"/> with its article: <c>an OfficeAssignment</c>.</summary>
    public static string With(string word) => For(word) + " " + word;
}
