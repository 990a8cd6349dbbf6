using System.ComponentModel;

namespace OneToOne.Infrastructure;

/// <summary>
/// Access to the two storage slots of one link declaration, implemented by a struct that the source
/// generator emits for every <see cref="OneToOneAttribute"/>. <see cref="OneToOneLinks"/> runs the link
/// protocol through it; the JIT specialises that code for each struct, so every call below is a direct,
/// usually inlined, field access. Not meant to be implemented by hand.
/// </summary>
/// <typeparam name="TDependent">The class that carries <see cref="OneToOneAttribute"/>.</typeparam>
/// <typeparam name="TPrincipal">The class named by <see cref="OneToOneAttribute.Principal"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOneToOneLink<TDependent, TPrincipal>
    where TDependent : class
    where TPrincipal : class
{
    /// <summary>Reads the forward slot: the principal <paramref name="dependent"/> is linked to.</summary>
    /// <param name="dependent">The dependent.</param>
    /// <returns>The principal, or <see langword="null"/>.</returns>
    TPrincipal? GetPrincipal(TDependent dependent);

    /// <summary>Writes the forward slot. Called by the protocol only, under its locks.</summary>
    /// <param name="dependent">The dependent.</param>
    /// <param name="principal">The new principal, or <see langword="null"/>.</param>
    void SetPrincipal(TDependent dependent, TPrincipal? principal);

    /// <summary>Reads the reverse slot: the dependent <paramref name="principal"/> is linked to.</summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The dependent, or <see langword="null"/>.</returns>
    TDependent? GetDependent(TPrincipal principal);

    /// <summary>Writes the reverse slot. Called by the protocol only, under its locks.</summary>
    /// <param name="principal">The principal.</param>
    /// <param name="dependent">The new dependent, or <see langword="null"/>.</param>
    void SetDependent(TPrincipal principal, TDependent? dependent);

    /// <summary>The declaration's <see cref="OneToOneAttribute.OnConflict"/>.</summary>
    OneToOneConflict OnConflict { get; }

    /// <summary>The declaration's <see cref="OneToOneAttribute.Required"/>.</summary>
    bool Required { get; }

    /// <summary>The dependent type's name, for messages.</summary>
    string DependentName { get; }

    /// <summary>The principal type's name, for messages.</summary>
    string PrincipalName { get; }

    /// <summary>The forward navigation's name, for messages.</summary>
    string NavigationName { get; }

    /// <summary>The reverse accessor's name, for messages.</summary>
    string ReverseName { get; }
}
