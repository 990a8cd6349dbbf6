using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OneToOne.EfCore.Tests.Infrastructure;

/// <summary>
/// Checks that the generated bookkeeping (the navigations' getters) and EF Core's change tracker tell the same story,
/// for every one-to-one of the model and every tracked entity.
/// </summary>
public static class Consistency
{
    public static void AssertConsistent(DbContext context)
    {
        var entries = context.ChangeTracker.Entries().Where(e => e.State != EntityState.Deleted).ToList();
        var tracked = entries.ToDictionary(e => e.Entity, ReferenceEqualityComparer.Instance);

        foreach (var entry in entries)
        {
            foreach (var navigation in entry.Metadata.GetNavigations().Where(n => n.ForeignKey.IsUnique))
            {
                if (navigation.IsOnDependent)
                {
                    AssertDependentSide(entry, navigation, tracked);
                }
                else
                {
                    AssertPrincipalSide(entry, navigation, tracked);
                }
            }
        }

        // No two tracked dependents hold the same principal key: the database would refuse it, and so would the bookkeeping.
        foreach (var group in entries
                     .SelectMany(e => e.Metadata.GetForeignKeys().Where(fk => fk.IsUnique).Select(fk => (Entry: e, ForeignKey: fk)))
                     .Select(x => (x.ForeignKey, Value: x.Entry.Property(x.ForeignKey.Properties[0].Name).CurrentValue, x.Entry))
                     .Where(x => x.Value is not null)
                     .GroupBy(x => (x.ForeignKey, x.Value)))
        {
            Assert.True(
                group.Count() == 1,
                $"{group.Count()} tracked {group.Key.ForeignKey.DeclaringEntityType.ClrType.Name} entities hold " +
                $"{group.Key.ForeignKey.Properties[0].Name} = {group.Key.Value}");
        }
    }

    private static void AssertDependentSide(EntityEntry entry, INavigation navigation, Dictionary<object, EntityEntry> tracked)
    {
        var dependent = entry.Entity;
        var foreignKey = navigation.ForeignKey;
        var keyValue = entry.Property(foreignKey.Properties[0].Name).CurrentValue;
        var principal = navigation.PropertyInfo!.GetValue(dependent);     // the generated getter: the bookkeeping
        var where = $"{entry.Metadata.ClrType.Name}.{navigation.Name} of {dependent}";

        // What EF holds as the navigation's value (it reads the storage field) is what the getter returns.
        Assert.Same(principal, entry.Reference(navigation.Name).CurrentValue);

        if (principal is null)
        {
            // A key without a tracked principal is fine (the principal was not loaded); a tracked principal with that
            // key would have been fixed up.
            if (keyValue is not null)
            {
                var principalKey = foreignKey.PrincipalKey.Properties[0];
                var match = tracked.Values.FirstOrDefault(e =>
                    foreignKey.PrincipalEntityType.IsAssignableFrom(e.Metadata) &&
                    Equals(e.Property(principalKey.Name).CurrentValue, keyValue));
                Assert.True(match is null, $"{where} is null, but {foreignKey.Properties[0].Name} = {keyValue} names the tracked {match?.Entity}");
            }

            return;
        }

        Assert.True(tracked.TryGetValue(principal, out var principalEntry), $"{where} is {principal}, which is not tracked");
        var principalKeyValue = principalEntry!.Property(foreignKey.PrincipalKey.Properties[0].Name).CurrentValue;
        Assert.True(Equals(principalKeyValue, keyValue), $"{where} is {principal} (key {principalKeyValue}), but EF tracks {foreignKey.Properties[0].Name} = {keyValue}");

        if (navigation.Inverse is { } inverse)
        {
            // The reverse accessor (the bookkeeping) points back at this dependent.
            Assert.Same(dependent, inverse.PropertyInfo!.GetValue(principal));
        }

    }

    private static void AssertPrincipalSide(EntityEntry entry, INavigation navigation, Dictionary<object, EntityEntry> tracked)
    {
        var principal = entry.Entity;
        var dependent = navigation.PropertyInfo!.GetValue(principal);
        var where = $"{entry.Metadata.ClrType.Name}.{navigation.Name} of {principal}";
        Assert.Same(dependent, entry.Reference(navigation.Name).CurrentValue);
        if (dependent is null)
        {
            // No tracked dependent may name this principal by key.
            var foreignKey = navigation.ForeignKey;
            var key = entry.Property(foreignKey.PrincipalKey.Properties[0].Name).CurrentValue;
            var naming = tracked.Values.FirstOrDefault(e =>
                foreignKey.DeclaringEntityType.IsAssignableFrom(e.Metadata) &&
                Equals(e.Property(foreignKey.Properties[0].Name).CurrentValue, key));
            Assert.True(naming is null, $"{where} is null, but the tracked {naming?.Entity} holds {foreignKey.Properties[0].Name} = {key}");
            return;
        }

        Assert.True(tracked.ContainsKey(dependent), $"{where} is {dependent}, which is not tracked");
        Assert.Same(principal, navigation.Inverse!.PropertyInfo!.GetValue(dependent));
    }
}
