namespace OneToOne;

#if ONETOONE_GENERATOR
#pragma warning disable CS1574 // the runtime library's types named in these docs are not compiled into the generator
#endif

/// <summary>What a link operation does when the principal is already linked to another dependent.</summary>
// Also compiled into the generator (internal there), so it reads and writes these values by name.
#if ONETOONE_GENERATOR
internal
#else
public
#endif
enum OneToOneConflict
{
    /// <summary>Throw <see cref="OneToOneViolationException"/> and change nothing (Django's <c>IntegrityError</c>).</summary>
    Throw = 0,

    /// <summary>Unlink the other dependent (its navigation becomes <see langword="null"/>), then make the link.</summary>
    Replace = 1,
}
