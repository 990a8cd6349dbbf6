using Xunit.Abstractions;
using Xunit.Sdk;

namespace OneToOne.EfCore.Tests.Infrastructure;

/// <summary>
/// A fact of the shared suite (<see cref="LinkSuite"/>): it runs on the database of the derived test class. When that
/// class carries <see cref="RequiresEnvironmentAttribute"/> and the variable is not set, each test is reported as
/// skipped with the reason in its text (xunit 2's skip, decided per class, since the suite's methods are shared).
/// </summary>
[XunitTestCaseDiscoverer("OneToOne.EfCore.Tests.Infrastructure.DatabaseFactDiscoverer", "OneToOne.EfCore.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DatabaseFactAttribute : FactAttribute
{
}

/// <summary>The tests of this class need an environment variable (a connection string); without it they are skipped.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;

    public string Reason { get; } = reason;

    /// <summary>The skip reason, or <see langword="null"/> when the variable is set.</summary>
    public static string? SkipReason(string variable, string reason) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable))
            ? $"{variable} is not set: {reason}"
            : null;
}

/// <summary>Finds <see cref="DatabaseFactAttribute"/> tests; skips them all when the class's variable is not set.</summary>
public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer facts = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod,
        IAttributeInfo factAttribute)
    {
        var requirement = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)).FirstOrDefault();
        if (requirement is not null)
        {
            var arguments = requirement.GetConstructorArguments().Cast<string>().ToArray();
            var skip = RequiresEnvironmentAttribute.SkipReason(arguments[0], arguments[1]);
            if (skip is not null)
            {
                return
                [
                    new XunitSkippedDataRowTestCase(
                        diagnosticMessageSink,
                        discoveryOptions.MethodDisplayOrDefault(),
                        discoveryOptions.MethodDisplayOptionsOrDefault(),
                        testMethod,
                        skip),
                ];
            }
        }

        return facts.Discover(discoveryOptions, testMethod, factAttribute);
    }
}

/// <summary>A PostgreSQL-only fact: skipped, with the reason in its text, when ONETOONE_POSTGRES is not set.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = RequiresEnvironmentAttribute.SkipReason(PostgresDatabase.Variable, PostgresDatabase.SkipText);
    }
}
