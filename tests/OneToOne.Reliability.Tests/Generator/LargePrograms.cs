using System.Text;

namespace OneToOne.Reliability.Tests.Generator;

/// <summary>Large programs written as text, for the cancellation and scale tests.</summary>
public static class LargePrograms
{
    /// <summary><paramref name="links"/> pairs <c>P{i}</c> / <c>D{i}</c>, 100 pairs per file, with a method per file that links them.</summary>
    public static string[] Pairs(int links, bool withMethods)
    {
        var files = new List<string>();
        for (var start = 0; start < links; start += 100)
        {
            var text = new StringBuilder("using OneToOne;\nnamespace Scale;\n");
            var end = Math.Min(links, start + 100);
            for (var i = start; i < end; i++)
            {
                text.Append("public partial class P").Append(i).Append(" { }\n");
                text.Append(i % 3 == 0 ? "[OneToOne(typeof(P" + i + "), OnConflict = OneToOneConflict.Replace)]\n" : "[OneToOne(typeof(P" + i + "))]\n");
                text.Append("public partial class D").Append(i).Append(" { }\n");
            }

            if (withMethods)
            {
                text.Append("public static class Use").Append(start).Append("\n{\n    public static void Run()\n    {\n");
                for (var i = start; i < end; i++)
                {
                    text.Append("        var p").Append(i).Append(" = new P").Append(i).Append("();\n");
                    text.Append("        var d").Append(i).Append(" = new D").Append(i).Append(" { P").Append(i).Append(" = p").Append(i).Append(" };\n");
                    text.Append("        if (p").Append(i).Append(".D").Append(i).Append(" is null) { p").Append(i).Append(".D").Append(i).Append(" = d").Append(i).Append("; } else { d").Append(i).Append(".P").Append(i).Append(" = null; }\n");
                }

                text.Append("    }\n}\n");
            }

            files.Add(text.ToString());
        }

        return files.ToArray();
    }

    /// <summary>
    /// A few links and <paramref name="methods"/> methods of <paramref name="statements"/> link statements each,
    /// in loops and branches: work for the flow analysis.
    /// </summary>
    public static string[] FlowHeavy(int methods, int statements)
    {
        var files = new List<string>
        {
            """
            using OneToOne;
            namespace Flow;
            public partial class User { }
            [OneToOne(typeof(User))]
            public partial class Profile { }
            [OneToOne(typeof(User), Navigation = "Holder", Reverse = "Badge")]
            public partial class Badge { }
            """,
        };
        for (var m = 0; m < methods; m++)
        {
            var text = new StringBuilder("namespace Flow;\npublic static class Work").Append(m).Append("\n{\n    public static void Run(User[] users, Profile[] profiles, Badge b)\n    {\n");
            text.Append("        var u = users[0]; var p = profiles[0]; var q = profiles[1];\n");
            for (var s = 0; s < statements; s++)
            {
                text.Append((s % 6) switch
                {
                    0 => "        p.User = u;\n",
                    1 => "        if (u.Profile is null) { q.User = u; } else { u = users[" + (s % 5) + "]; }\n",
                    2 => "        for (var i" + s + " = 0; i" + s + " < 2; i" + s + "++) { b.Holder = u; u.Badge = null; }\n",
                    3 => "        u.Profile = null;\n",
                    4 => "        switch (s" + s % 3 + "()) { case 0: p = profiles[1]; break; default: q.User = null; break; }\n",
                    _ => "        u = users[" + (s % 7) + "];\n",
                });
            }

            text.Append("    }\n    private static int s0() => 0;\n    private static int s1() => 1;\n    private static int s2() => 2;\n}\n");
            files.Add(text.ToString());
        }

        return files.ToArray();
    }
}
