using System;

namespace OneToOne;

/// <summary>
/// Thrown when a link would give a principal a second dependent (Django's <c>IntegrityError</c> on a
/// <c>OneToOneField</c>). When it is thrown nothing has changed: every object involved holds what it held before.
/// </summary>
public class OneToOneViolationException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="principal"/>, which already holds <paramref name="existingDependent"/>.</summary>
    /// <param name="principal">The principal that already has a dependent.</param>
    /// <param name="existingDependent">The dependent the principal is linked to, and stays linked to.</param>
    /// <param name="rejectedDependent">The dependent whose link was refused.</param>
    /// <param name="message">The message, naming both types and both members.</param>
    public OneToOneViolationException(object principal, object existingDependent, object rejectedDependent, string message)
        : base(message)
    {
        Principal = principal ?? throw new ArgumentNullException(nameof(principal));
        ExistingDependent = existingDependent ?? throw new ArgumentNullException(nameof(existingDependent));
        RejectedDependent = rejectedDependent ?? throw new ArgumentNullException(nameof(rejectedDependent));
    }

    /// <summary>The principal that already has a dependent.</summary>
    public object Principal { get; }

    /// <summary>The dependent the principal was, and still is, linked to.</summary>
    public object ExistingDependent { get; }

    /// <summary>The dependent whose link was refused; it holds what it held before.</summary>
    public object RejectedDependent { get; }

    /// <summary>
    /// Builds the standard message, for example
    /// <c>User already has a Profile (User.Profile); a second Profile cannot be linked through Profile.User.</c>
    /// </summary>
    /// <param name="principalType">The principal type's name.</param>
    /// <param name="dependentType">The dependent type's name.</param>
    /// <param name="navigation">The forward navigation's name on the dependent.</param>
    /// <param name="reverse">The reverse accessor as the user calls it on the principal (<c>Profile</c>, or <c>GetProfile()</c> for the extension-method form).</param>
    /// <returns>The message.</returns>
    public static string FormatMessage(string principalType, string dependentType, string navigation, string reverse) =>
        $"{principalType} already has {EnglishArticle.For(dependentType)} {dependentType} ({principalType}.{reverse}); a second {dependentType} cannot be linked through {dependentType}.{navigation}.";

    /// <summary>
    /// The message of the <see cref="ArgumentNullException"/> thrown by <c>dependent.Navigation = null</c> on a
    /// required link, for example
    /// <c>Passport.Account is required: it cannot be set to null. Link the Passport to another User instead.</c>
    /// </summary>
    /// <param name="principalType">The principal type's name.</param>
    /// <param name="dependentType">The dependent type's name.</param>
    /// <param name="navigation">The forward navigation's name on the dependent.</param>
    /// <returns>The message.</returns>
    internal static string FormatRequiredForwardMessage(string principalType, string dependentType, string navigation) =>
        $"{dependentType}.{navigation} is required: it cannot be set to null. Link the {dependentType} to another {principalType} instead.";

    /// <summary>
    /// The message of the <see cref="InvalidOperationException"/> thrown by <c>principal.Reverse = null</c> on a
    /// required link whose principal has a dependent.
    /// </summary>
    /// <param name="principalType">The principal type's name.</param>
    /// <param name="dependentType">The dependent type's name.</param>
    /// <param name="navigation">The forward navigation's name on the dependent.</param>
    /// <param name="reverse">The reverse accessor as the user calls it on the principal.</param>
    /// <returns>The message.</returns>
    internal static string FormatRequiredReverseMessage(string principalType, string dependentType, string navigation, string reverse) =>
        $"{principalType}.{reverse} cannot be set to null: {dependentType}.{navigation} is required, so the {dependentType} cannot lose its {principalType}. Link the {dependentType} to another {principalType} instead.";
}
