namespace Ext;

/// <summary>A principal from another assembly, like a framework's <c>IdentityUser</c>: not partial, not editable.</summary>
public class Account
{
    public string Login { get; set; } = "";

    public override string ToString() => $"Account({Login})";
}

/// <summary>A generic principal from another assembly; the tests link to the closed <c>Box&lt;int&gt;</c>.</summary>
public class Box<T>
{
    public T? Value { get; set; }

    public override string ToString() => $"Box({Value})";
}
