namespace OneToOne;

#if ONETOONE_GENERATOR
#pragma warning disable CS1574 // the runtime library's types named in these docs are not compiled into the generator
#endif

/// <summary>What the database does to a dependent when its principal is deleted (Django's <c>on_delete</c>). Used by the EF Core mapping.</summary>
// Also compiled into the generator (internal there), so it reads and writes these values by name.
#if ONETOONE_GENERATOR
internal
#else
public
#endif
enum OneToOneDelete
{
    /// <summary>Delete the dependent too (Django <c>CASCADE</c>, EF Core <c>DeleteBehavior.Cascade</c>).</summary>
    Cascade = 0,

    /// <summary>Refuse to delete a principal that still has a dependent (Django <c>RESTRICT</c>, EF Core <c>DeleteBehavior.Restrict</c>).</summary>
    Restrict = 1,

    /// <summary>Clear the dependent's foreign key (Django <c>SET_NULL</c>, EF Core <c>DeleteBehavior.SetNull</c>). Not allowed with <see cref="OneToOneAttribute.Required"/>.</summary>
    SetNull = 2,
}
