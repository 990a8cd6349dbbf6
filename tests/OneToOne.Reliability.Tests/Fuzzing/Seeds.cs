using Microsoft.CodeAnalysis.CSharp;

namespace OneToOne.Reliability.Tests.Fuzzing;

/// <summary>
/// Valid programs the fuzzer starts from: every declaration shape and every kind of link operation the
/// flow analysis knows, in declarations and in method bodies. Each compiles cleanly with the generator (checked by a test).
/// </summary>
public static class Seeds
{
    public const string Basic = """
        using System.Linq;
        using OneToOne;
        namespace App;
        public partial class User { public string Name { get; set; } = ""; }
        [OneToOne(typeof(User))]
        public partial class Profile { public string Bio { get; set; } = ""; }
        [OneToOne(typeof(User), Navigation = "Holder", Reverse = "Badge", OnConflict = OneToOneConflict.Replace)]
        public sealed partial class Badge { }
        [OneToOne(typeof(User), Navigation = "Account", Reverse = "Passport", Required = true, OnDelete = OneToOneDelete.Restrict)]
        public partial class Passport { }
        public static class Service
        {
            public static void Run(User u, User v, Profile p, Profile q)
            {
                p.User = u;
                var r = new Profile { User = u, Bio = "x" };
                u.Profile = q;
                if (u.Profile is null) { q.User = u; } else { q.User = v; }
                foreach (var x in new[] { p, q }) { x.User = v; }
                new[] { p }.ToList().ForEach(y => y.User = u);
                p.User = null;
                u.Profile = null;
                var b = new Badge { Holder = u };
                u.Badge = b;
                var pass = new Passport { Account = v };
                pass.Account = u;
            }
        }
        """;

    public const string Shapes = """
        using System.Text;
        using OneToOne;
        namespace App.Block
        {
            [OneToOne(typeof(Person), Navigation = "Mentor", Reverse = "Mentee")]
            public partial class Person { public string Name { get; set; } = ""; }

            public partial class Outer
            {
                internal partial class Inner
                {
                    [OneToOne(typeof(Person), Navigation = "Owner", Reverse = "Thing")]
                    [OneToOne(typeof(StringBuilder))]
                    internal partial class Thing { }
                }
            }

            public partial class Box<T> { }

            [OneToOne(typeof(Box<int>), Reverse = "Crate", OnConflict = OneToOneConflict.Replace)]
            public partial class Crate { }

            [OneToOne(typeof(Person), Navigation = "Author", Reverse = "AuthoredDraft"), OneToOne(typeof(App.Other.Account))]
            public abstract partial class Draft { }

            internal static class Flow
            {
                internal static void M(Person a, Person b, StringBuilder sb, Outer.Inner.Thing t, Box<int> box, Crate c)
                {
                    a.Mentor = b;
                    b.Mentee = a;
                    t.StringBuilder = sb;
                    sb.Thing = t;
                    t.Owner = a;
                    box.Crate = c;
                    c.Box = box;
                    while (a.Mentor is not null) { a.Mentor = null; }
                    for (var i = 0; i < 3; i++) { var n = new Person(); n.Mentor = b; b.Mentee = null; }
                    System.Action act = () => a.Mentee = b;
                    act();
                }
            }
        }

        namespace App.Other
        {
            public partial class Account { }
        }
        """;

    public const string Global = """
        using OneToOne;

        public partial class GlobalPrincipal { public int Id { get; set; } }

        [OneToOne(typeof(GlobalPrincipal), Reverse = "Dependent", OnDelete = OneToOneDelete.SetNull)]
        internal partial class GlobalDependent
        {
            public void Attach(GlobalPrincipal p)
            {
                this.GlobalPrincipal = p;
                GlobalPrincipal = null;
                p.Dependent = this;
                switch (p.Id)
                {
                    case 0: GlobalPrincipal = p; break;
                    default: p.Dependent = null; break;
                }
            }
        }

        internal sealed partial class Container
        {
            [OneToOne(typeof(Node), Navigation = "Parent", Reverse = "Child")]
            internal sealed partial class Node
            {
                internal void Link(Node other) { Parent = other; other.Child = this; }
            }
        }
        """;

    /// <summary>Below C# 14: an external principal gets Get/Set extension methods.</summary>
    public const string Extensions = """
        using System;
        using System.Collections.Generic;
        using OneToOne;
        namespace Legacy;

        [OneToOne(typeof(Uri), Navigation = "Address", Reverse = "Page")]
        public partial class Page
        {
            public static void Use(Uri u, Page p, List<Page> pages)
            {
                p.Address = u;
                u.SetPage(p);
                var back = u.GetPage();
                foreach (var q in pages) { u.SetPage(q); }
                u.SetPage(null);
            }
        }
        """;

    /// <summary>Declarations only, no method body: mutations of the declarations often keep the program valid.</summary>
    public const string Declarations = """
        using OneToOne;
        namespace Decl
        {
            public partial class User { public string Name { get; set; } = ""; }
            public partial class Account { }
            public partial class Box<T> { }

            [OneToOne(typeof(User))]
            public partial class Profile { public string Bio { get; set; } = ""; }

            [OneToOne(typeof(User), Navigation = "Owner", Reverse = "Settings", OnDelete = OneToOneDelete.SetNull)]
            [OneToOne(typeof(Account), OnConflict = OneToOneConflict.Replace)]
            internal sealed partial class Settings { }

            [OneToOne(typeof(Profile), Navigation = "Previous", Reverse = "Next", Required = true)]
            public partial class Revision { }

            public static partial class Outer
            {
                public partial class Inner
                {
                    [OneToOne(typeof(Box<string>), Reverse = "Label")]
                    public abstract partial class Tag { }
                }
            }
        }
        """;

    public static IReadOnlyList<(string Name, string Source, LanguageVersion Version)> All { get; } =
    [
        ("Basic", Basic, LanguageVersion.Latest),
        ("Shapes", Shapes, LanguageVersion.Preview),
        ("Global", Global, LanguageVersion.Latest),
        ("Extensions", Extensions, LanguageVersion.CSharp13),
        ("Declarations", Declarations, LanguageVersion.Latest),
    ];
}
