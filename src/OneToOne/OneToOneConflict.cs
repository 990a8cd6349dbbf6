namespace OneToOne;

/// <summary>What a link operation does when the principal is already linked to another dependent.</summary>
public enum OneToOneConflict
{
    /// <summary>Throw <see cref="OneToOneViolationException"/> and change nothing (Django's <c>IntegrityError</c>).</summary>
    Throw = 0,

    /// <summary>Unlink the other dependent (its navigation becomes <see langword="null"/>), then make the link.</summary>
    Replace = 1,
}
