using OneToOne.Generator.Naming;

namespace OneToOne.Generator.Emitting;

/// <summary>
/// Writes the EF Core helpers of a compilation that references EF Core: <c>ApplyOneToOneLinks</c> and
/// <c>UseOneToOne</c>. The file is the same for every compilation (it depends on no link): the links are found at run
/// time, on the entity types of the model being built, by reading their <c>[OneToOne]</c> attributes. So a
/// <c>DbContext</c> maps the links of referenced assemblies that know nothing of EF Core (the layered solution), and
/// an invalid link elsewhere can never take the helpers away.
/// </summary>
internal static class EfCoreEmitter
{
    public const string HintName = "OneToOne.EntityFrameworkCore.g.cs";

    /// <summary>The type whose presence says that the compilation references EF Core.</summary>
    public const string ModelBuilderMetadataName = "Microsoft.EntityFrameworkCore.ModelBuilder";

    /// <summary>The generated source.</summary>
    public static readonly string Source = SourceWriter.Write(w =>
    {
        foreach (var line in Template().Split('\n'))
        {
            w.WriteLineNoTabs(line.TrimEnd('\r'));
        }
    });

    private static string Template()
    {
        var generatedCode = SourceWriter.GeneratedCode;
        var ns = GeneratedNames.RuntimeNamespace;
        var modelBuilderClass = GeneratedNames.ModelBuilderExtensionsClass;
        var apply = GeneratedNames.ApplyLinksMethod;
        var optionsClass = GeneratedNames.OptionsExtensionsClass;
        var use = GeneratedNames.UseOneToOneMethod;
        var storagePrefix = GeneratedNames.StoragePrefix;
        var foreignKeySuffix = GeneratedNames.DefaultForeignKey(string.Empty);
        return $$"""
namespace {{ns}}
{
    /// <summary>The EF Core mapping of the <c>[OneToOne]</c> links of the model's entity types.</summary>
    {{generatedCode}}
    internal static class {{modelBuilderClass}}
    {
        /// <summary>
        /// Maps the <c>[OneToOne]</c> links of every entity type of the model, also those declared in referenced
        /// assemblies, as EF Core one-to-ones: the class carrying the link is the dependent, the foreign key is the
        /// link's <c>ForeignKey</c> (default <c>&lt;Navigation&gt;Id</c>; a property the dependent declares is matched
        /// case-insensitively, and when it is the dependent's primary key the link shares that key), unique,
        /// <c>IsRequired(Required)</c>, and <c>OnDelete</c> mapped to <see cref="global::Microsoft.EntityFrameworkCore.DeleteBehavior"/>.
        /// Call it first in <c>OnModelCreating</c>: configuration written after it wins. The context needs
        /// <c>optionsBuilder.{{use}}()</c>.
        /// </summary>
        /// <param name="modelBuilder">The model builder of <c>OnModelCreating</c>.</param>
        /// <returns>The same model builder.</returns>
        /// <remarks>A link that cannot be mapped (its dependent or principal ignored, or not an entity type) is skipped and reported through <see cref="global::System.Diagnostics.Trace"/>.</remarks>
        /// <exception cref="global::System.InvalidOperationException">A link is to be mapped and the context's options lack <c>{{use}}()</c>.</exception>
        public static global::Microsoft.EntityFrameworkCore.ModelBuilder {{apply}}(this global::Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder) => {{apply}}(modelBuilder, null);

        /// <summary>
        /// Maps the <c>[OneToOne]</c> links of every entity type of the model, as <see cref="{{apply}}(global::Microsoft.EntityFrameworkCore.ModelBuilder)"/>
        /// does, and reports each skipped link to <paramref name="onSkipped"/>.
        /// </summary>
        /// <param name="modelBuilder">The model builder of <c>OnModelCreating</c>.</param>
        /// <param name="onSkipped">Receives a message naming the skipped link and why; <see langword="null"/>: <see cref="global::System.Diagnostics.Trace.TraceWarning(string)"/>.</param>
        /// <returns>The same model builder.</returns>
        /// <exception cref="global::System.InvalidOperationException">A link is to be mapped and the context's options lack <c>{{use}}()</c>.</exception>
        public static global::Microsoft.EntityFrameworkCore.ModelBuilder {{apply}}(this global::Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder, global::System.Action<string>? onSkipped)
        {
            if (modelBuilder is null)
            {
                throw new global::System.ArgumentNullException(nameof(modelBuilder));
            }

            var report = onSkipped ?? (message => global::System.Diagnostics.Trace.TraceWarning(message));
            var model = modelBuilder.Model;
            var hasOptions = model.FindAnnotation({{modelBuilderClass}}.OneToOneLink.OptionsAnnotation) != null;
            var visited = new global::System.Collections.Generic.HashSet<global::System.Type>();

            // Mapping a link can add entity types (a principal no DbSet names), which can carry links of their own:
            // walk until no new entity type appears.
            while (true)
            {
                var pending = new global::System.Collections.Generic.List<global::System.Type>();
                foreach (var entityType in model.GetEntityTypes())
                {
                    if (!entityType.HasSharedClrType && !entityType.IsOwned() && visited.Add(entityType.ClrType))
                    {
                        pending.Add(entityType.ClrType);
                    }
                }

                if (pending.Count == 0)
                {
                    return modelBuilder;
                }

                foreach (var type in pending)
                {
                    foreach (var link in OneToOneLink.Declared(type))
                    {
                        Map(modelBuilder, link, hasOptions, report);
                    }
                }
            }
        }

        private static void Map(global::Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder, OneToOneLink link, bool hasOptions, global::System.Action<string> report)
        {
            var model = modelBuilder.Model;
            if (link.Missing != null)
            {
                report($"OneToOne: the link {link.Name} is not mapped: {link.Missing}.");
                return;
            }

            var ignored = model.IsIgnored(link.Dependent) ? link.Dependent : model.IsIgnored(link.Principal) ? link.Principal : null;
            if (ignored != null)
            {
                report($"OneToOne: the link {link.Name} is not mapped: the model ignores {ignored.Name} (ModelBuilder.Ignore). Map {ignored.Name}, or remove the Ignore, to persist the link.");
                return;
            }

            var principalType = model.FindEntityType(link.Principal);
            if (principalType != null && (principalType.IsOwned() || principalType.IsKeyless))
            {
                report($"OneToOne: the link {link.Name} is not mapped: {link.Principal.Name} is {(principalType.IsKeyless ? "a keyless" : "an owned")} entity type, which a foreign key cannot point at.");
                return;
            }

            if (!hasOptions)
            {
                throw new global::System.InvalidOperationException(
                    $"OneToOne: {{apply}} maps the link {link.Name}, and the context's options lack OneToOne's: add optionsBuilder.{{use}}() " +
                    "(in OnConfiguring, or in AddDbContext(options => options...{{use}}())). It keeps both sides of every link true through " +
                    "SaveChanges (deletes, cascades, set-null, detaching) and refuses the delete of a principal whose link says OnDelete = Restrict.");
            }

            var dependent = modelBuilder.Entity(link.Dependent);
            var declared = OneToOneLink.DeclaredProperty(link.Dependent, link.ForeignKey, link.Navigation);
            var keyName = declared?.Name ?? link.ForeignKey;
            // A shadow key that EF's conventions made for the navigations they found counts as made here.
            var existing = dependent.Metadata.FindProperty(keyName);
            var existed = existing != null &&
                (!existing.IsShadowProperty() ||
                 ((global::Microsoft.EntityFrameworkCore.Metadata.IConventionProperty)existing).GetConfigurationSource() != global::Microsoft.EntityFrameworkCore.Metadata.ConfigurationSource.Convention);
            var relationship = dependent
                .HasOne(link.Principal, link.Navigation)
                .WithOne(link.External ? null : link.Reverse)
                .HasForeignKey(link.Dependent, keyName);

            // A declared key of a non-nullable type (a shared primary key among them) can only be required.
            var keyType = declared?.PropertyType;
            if (link.Required || keyType == null || !keyType.IsValueType || global::System.Nullable.GetUnderlyingType(keyType) != null)
            {
                relationship.IsRequired(link.Required);
            }

            relationship.OnDelete(link.OnDelete == global::OneToOne.OneToOneDelete.SetNull
                ? global::Microsoft.EntityFrameworkCore.DeleteBehavior.SetNull
                : link.OnDelete == global::OneToOne.OneToOneDelete.Restrict
                    // Restrict is enforced by OneToOne before SaveChanges (tracked dependents) and by the database
                    // (the others); EF's own Restrict would null a tracked dependent's key and delete the principal.
                    ? global::Microsoft.EntityFrameworkCore.DeleteBehavior.ClientNoAction
                    : global::Microsoft.EntityFrameworkCore.DeleteBehavior.Cascade);

            // A shadow key made here is removed again, with its index, if later configuration leaves it unused.
            var key = dependent.Metadata.FindProperty(keyName);
            if (!existed && key != null && key.IsShadowProperty())
            {
                key.SetAnnotation({{modelBuilderClass}}.OneToOneLink.ShadowKeyAnnotation, link.Name);
            }

            if (link.External)
            {
                // The reverse slot lives in weak storage: EF goes through the setter, which writes it too.
                dependent.Navigation(link.Navigation).UsePropertyAccessMode(global::Microsoft.EntityFrameworkCore.PropertyAccessMode.Property);
            }
            else
            {
                // EF reads and writes the storage fields: materialization and fix-up set both sides, and no link
                // check runs in the middle of a fix-up.
                dependent.Navigation(link.Navigation).HasField(link.NavigationStorage!.Name).UsePropertyAccessMode(global::Microsoft.EntityFrameworkCore.PropertyAccessMode.Field);
                modelBuilder.Entity(link.Principal).Navigation(link.Reverse).HasField(link.ReverseStorage!.Name).UsePropertyAccessMode(global::Microsoft.EntityFrameworkCore.PropertyAccessMode.Field);
            }
        }

        /// <summary>One <c>[OneToOne]</c> link, read by reflection from its dependent type and the generated members.</summary>
        internal sealed class OneToOneLink
        {
            /// <summary>Set on a model built with <c>{{use}}()</c> (removed when the model is finalized).</summary>
            internal const string OptionsAnnotation = "OneToOne:Options";

            /// <summary>Set on a shadow foreign key made by <c>{{apply}}</c>.</summary>
            internal const string ShadowKeyAnnotation = "OneToOne:ShadowForeignKey";

            private const string StoragePrefix = "{{storagePrefix}}";
            private const string ForeignKeySuffix = "{{foreignKeySuffix}}";
            private const global::System.Reflection.BindingFlags Members =
                global::System.Reflection.BindingFlags.Instance | global::System.Reflection.BindingFlags.Public |
                global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.DeclaredOnly;

            private static readonly global::System.Collections.Concurrent.ConcurrentDictionary<global::System.Type, OneToOneLink[]> ByDependent =
                new global::System.Collections.Concurrent.ConcurrentDictionary<global::System.Type, OneToOneLink[]>();

            private static readonly global::System.Collections.Concurrent.ConcurrentDictionary<global::System.Reflection.Assembly, global::System.Type[]> Accessors =
                new global::System.Collections.Concurrent.ConcurrentDictionary<global::System.Reflection.Assembly, global::System.Type[]>();

            private global::System.Action<object>? detachDependent;
            private global::System.Action<object>? detachPrincipal;

            private OneToOneLink(global::System.Type dependent, global::System.Type principal, string navigation, string reverse, bool required, global::OneToOne.OneToOneDelete onDelete, string? foreignKey)
            {
                Dependent = dependent;
                Principal = principal;
                Navigation = navigation;
                Reverse = reverse;
                Required = required;
                OnDelete = onDelete;
                ForeignKey = string.IsNullOrEmpty(foreignKey) ? navigation + ForeignKeySuffix : foreignKey!;
                DependentName = SimpleName(dependent);
                PrincipalName = SimpleName(principal);

                var property = Find(dependent.GetProperties(Members), navigation);
                NavigationStorage = dependent.GetField(StoragePrefix + navigation, Members);
                Accessor = FindAccessor(dependent, principal, navigation);
                var reverseProperty = Find(principal.GetProperties(Members), reverse);
                if (reverseProperty != null && reverseProperty.PropertyType == dependent)
                {
                    ReverseStorage = principal.GetField(StoragePrefix + reverse, Members);
                }
                else
                {
                    External = true; // the reverse accessor is an extension: no member on the principal
                }

                if (property == null || property.PropertyType != principal || NavigationStorage == null || Accessor == null)
                {
                    Missing = $"the members generated for it ({DependentName}.{navigation} and its storage) are missing from {dependent.FullName}; its [OneToOne] declaration has an error (see the OTO diagnostics of the assembly that declares {DependentName})";
                }
                else if (!External && ReverseStorage == null)
                {
                    Missing = $"the storage of its reverse accessor {PrincipalName}.{reverse} is missing from {principal.FullName}; its [OneToOne] declaration has an error";
                }
            }

            public global::System.Type Dependent { get; }

            public global::System.Type Principal { get; }

            public string Navigation { get; }

            public string Reverse { get; }

            public bool Required { get; }

            public global::OneToOne.OneToOneDelete OnDelete { get; }

            public string ForeignKey { get; }

            public string DependentName { get; }

            public string PrincipalName { get; }

            /// <summary>The reverse accessor is an extension (a principal this link's assembly cannot change).</summary>
            public bool External { get; }

            public global::System.Reflection.FieldInfo? NavigationStorage { get; }

            public global::System.Reflection.FieldInfo? ReverseStorage { get; }

            /// <summary>The generated struct that implements <c>IOneToOneLink&lt;TDependent, TPrincipal&gt;</c> for this link.</summary>
            public global::System.Type? Accessor { get; }

            /// <summary>Why the link cannot be mapped; <see langword="null"/> when it can.</summary>
            public string? Missing { get; }

            public string Name => DependentName + "." + Navigation;

            /// <summary>The links the type declares (class form on the type, property form on its properties).</summary>
            public static OneToOneLink[] Declared(global::System.Type type) => ByDependent.GetOrAdd(type, Read);

            /// <summary>The property of <paramref name="type"/> (or a base type) named <paramref name="name"/>, else one named so ignoring case.</summary>
            public static global::System.Reflection.PropertyInfo? DeclaredProperty(global::System.Type type, string name, string navigation)
            {
                global::System.Reflection.PropertyInfo? ignoringCase = null;
                for (var t = type; t != null && t != typeof(object); t = t.BaseType)
                {
                    foreach (var property in t.GetProperties(Members))
                    {
                        if (property.GetIndexParameters().Length != 0 || property.Name == navigation)
                        {
                            continue;
                        }

                        if (property.Name == name)
                        {
                            return property;
                        }

                        if (ignoringCase == null && string.Equals(property.Name, name, global::System.StringComparison.OrdinalIgnoreCase))
                        {
                            ignoringCase = property;
                        }
                    }
                }

                return ignoringCase;
            }

            /// <summary>Removes every trace of the dependent's link; the principal's slot only if it still points back.</summary>
            public void DetachDependent(object dependent) => (detachDependent ??= Detacher(true))(dependent);

            /// <summary>Removes every trace of the principal's link; the dependent's slot only if it still points back.</summary>
            public void DetachPrincipal(object principal) => (detachPrincipal ??= Detacher(false))(principal);

            private static OneToOneLink[] Read(global::System.Type type)
            {
                var links = new global::System.Collections.Generic.List<OneToOneLink>();
                foreach (global::OneToOne.OneToOneAttribute attribute in type.GetCustomAttributes(typeof(global::OneToOne.OneToOneAttribute), false))
                {
                    if (attribute.Principal != null)
                    {
                        links.Add(new OneToOneLink(type, attribute.Principal, attribute.Navigation ?? SimpleName(attribute.Principal), attribute.Reverse ?? SimpleName(type), attribute.Required, attribute.OnDelete, attribute.ForeignKey));
                    }
                }

                foreach (var property in type.GetProperties(Members))
                {
                    foreach (global::OneToOne.OneToOneAttribute attribute in property.GetCustomAttributes(typeof(global::OneToOne.OneToOneAttribute), false))
                    {
                        var required = attribute.Required;
                        foreach (var data in property.GetCustomAttributesData())
                        {
                            required |= data.AttributeType.FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute";
                        }

                        links.Add(new OneToOneLink(type, property.PropertyType, property.Name, attribute.Reverse ?? SimpleName(type), required, attribute.OnDelete, attribute.ForeignKey));
                    }
                }

                return links.ToArray();
            }

            private static string SimpleName(global::System.Type type)
            {
                var name = type.Name;
                var tick = name.IndexOf('`');
                return tick < 0 ? name : name.Substring(0, tick);
            }

            private static global::System.Reflection.PropertyInfo? Find(global::System.Reflection.PropertyInfo[] properties, string name)
            {
                foreach (var property in properties)
                {
                    if (property.Name == name && property.GetIndexParameters().Length == 0)
                    {
                        return property;
                    }
                }

                return null;
            }

            private static global::System.Type? FindAccessor(global::System.Type dependent, global::System.Type principal, string navigation)
            {
                var contract = typeof(global::OneToOne.Infrastructure.IOneToOneLink<,>).MakeGenericType(dependent, principal);
                var nameProperty = contract.GetProperty("NavigationName");
                foreach (var candidates in new[] { dependent.GetNestedTypes(global::System.Reflection.BindingFlags.Public | global::System.Reflection.BindingFlags.NonPublic), Accessors.GetOrAdd(dependent.Assembly, ValueTypes) })
                {
                    foreach (var candidate in candidates)
                    {
                        if (candidate.IsValueType && !candidate.ContainsGenericParameters && contract.IsAssignableFrom(candidate) &&
                            (string?)nameProperty!.GetValue(global::System.Activator.CreateInstance(candidate)) == navigation)
                        {
                            return candidate;
                        }
                    }
                }

                return null;
            }

            private static global::System.Type[] ValueTypes(global::System.Reflection.Assembly assembly)
            {
                global::System.Type?[] types;
                try
                {
                    types = assembly.GetTypes();
                }
                catch (global::System.Reflection.ReflectionTypeLoadException e)
                {
                    types = e.Types;
                }

                var valueTypes = new global::System.Collections.Generic.List<global::System.Type>();
                foreach (var type in types)
                {
                    if (type != null && type.IsValueType && !type.IsEnum && !type.IsPrimitive)
                    {
                        valueTypes.Add(type);
                    }
                }

                return valueTypes.ToArray();
            }

            private global::System.Action<object> Detacher(bool dependentSide)
            {
                // The runtime library's ORM entry points: atomic, stale-slot safe, and they never throw.
                var method = typeof(global::OneToOne.Infrastructure.OneToOneLinks).GetMethod(
                    dependentSide ? "DetachDependent" : "DetachPrincipal",
                    global::System.Reflection.BindingFlags.Public | global::System.Reflection.BindingFlags.Static)!;
                var side = dependentSide ? Dependent : Principal;
                var typed = method.MakeGenericMethod(Dependent, Principal, Accessor!).CreateDelegate(typeof(global::System.Action<>).MakeGenericType(side));
                var adapt = typeof(OneToOneLink).GetMethod(nameof(Adapt), global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.Static)!.MakeGenericMethod(side);
                return (global::System.Action<object>)adapt.Invoke(null, new object[] { typed })!;
            }

            private static global::System.Action<object> Adapt<T>(global::System.Action<T> action)
                where T : class
                => value => action((T)value);
        }

        /// <summary>The mapped links of one model, by entity type: what to clear when an object leaves a context, and what restricts a delete.</summary>
        internal sealed class ModelLinks
        {
            private static readonly global::System.Runtime.CompilerServices.ConditionalWeakTable<global::Microsoft.EntityFrameworkCore.Metadata.IModel, ModelLinks> Cache =
                new global::System.Runtime.CompilerServices.ConditionalWeakTable<global::Microsoft.EntityFrameworkCore.Metadata.IModel, ModelLinks>();

            private readonly global::System.Collections.Generic.Dictionary<global::Microsoft.EntityFrameworkCore.Metadata.IEntityType, EntityLinks> byEntityType =
                new global::System.Collections.Generic.Dictionary<global::Microsoft.EntityFrameworkCore.Metadata.IEntityType, EntityLinks>();

            private ModelLinks(global::Microsoft.EntityFrameworkCore.Metadata.IModel model)
            {
                foreach (var entityType in model.GetEntityTypes())
                {
                    var links = new EntityLinks();
                    foreach (var foreignKey in entityType.GetForeignKeys())
                    {
                        if (Match(foreignKey) is OneToOneLink link)
                        {
                            links.AsDependent.Add(link);
                        }
                    }

                    foreach (var foreignKey in entityType.GetReferencingForeignKeys())
                    {
                        if (Match(foreignKey) is OneToOneLink link)
                        {
                            links.AsPrincipal.Add(link);
                            if (link.OnDelete == global::OneToOne.OneToOneDelete.Restrict && foreignKey.DeleteBehavior == global::Microsoft.EntityFrameworkCore.DeleteBehavior.ClientNoAction)
                            {
                                links.Restricting.Add(new Restriction(foreignKey, link));
                                HasRestrict = true;
                            }
                        }
                    }

                    if (links.AsDependent.Count + links.AsPrincipal.Count > 0)
                    {
                        byEntityType.Add(entityType, links);
                    }
                }
            }

            public bool IsEmpty => byEntityType.Count == 0;

            public bool HasRestrict { get; }

            public static ModelLinks Of(global::Microsoft.EntityFrameworkCore.Metadata.IModel model) => Cache.GetValue(model, m => new ModelLinks(m));

            public EntityLinks? For(global::Microsoft.EntityFrameworkCore.Metadata.IEntityType entityType) => byEntityType.TryGetValue(entityType, out var links) ? links : null;

            /// <summary>The link a one-to-one foreign key of the model was mapped from, if any.</summary>
            private static OneToOneLink? Match(global::Microsoft.EntityFrameworkCore.Metadata.IForeignKey foreignKey)
            {
                var navigation = foreignKey.DependentToPrincipal;
                if (!foreignKey.IsUnique || navigation == null)
                {
                    return null;
                }

                foreach (var link in OneToOneLink.Declared(navigation.DeclaringEntityType.ClrType))
                {
                    if (link.Missing == null && link.Navigation == navigation.Name && link.Principal.IsAssignableFrom(foreignKey.PrincipalEntityType.ClrType))
                    {
                        return link;
                    }
                }

                return null;
            }

            internal sealed class EntityLinks
            {
                public readonly global::System.Collections.Generic.List<OneToOneLink> AsDependent = new global::System.Collections.Generic.List<OneToOneLink>();
                public readonly global::System.Collections.Generic.List<OneToOneLink> AsPrincipal = new global::System.Collections.Generic.List<OneToOneLink>();
                public readonly global::System.Collections.Generic.List<Restriction> Restricting = new global::System.Collections.Generic.List<Restriction>();
            }

            internal sealed class Restriction
            {
                public Restriction(global::Microsoft.EntityFrameworkCore.Metadata.IForeignKey foreignKey, OneToOneLink link)
                {
                    ForeignKey = foreignKey;
                    Link = link;
                }

                public global::Microsoft.EntityFrameworkCore.Metadata.IForeignKey ForeignKey { get; }

                public OneToOneLink Link { get; }
            }
        }
    }

    /// <summary>
    /// The EF Core options of OneToOne: keeps both sides of every link true through EF Core (deletes, cascades,
    /// set-null, detaching) and enforces <c>OnDelete = Restrict</c>.
    /// </summary>
    {{generatedCode}}
    internal static class {{optionsClass}}
    {
        /// <summary>
        /// Adds OneToOne to the context's options: after <c>SaveChanges</c> no deleted or detached object and no former
        /// partner of one still points at the other, and deleting a principal whose link says <c>OnDelete = Restrict</c>
        /// is refused while a dependent holds it. Needed by <c>{{apply}}</c>; harmless without it, and calling
        /// it twice is the same as once.
        /// </summary>
        /// <param name="optionsBuilder">The options of the context (<c>OnConfiguring</c>, or <c>AddDbContext(options => ...)</c>).</param>
        /// <returns>The same options builder.</returns>
        public static global::Microsoft.EntityFrameworkCore.DbContextOptionsBuilder {{use}}(this global::Microsoft.EntityFrameworkCore.DbContextOptionsBuilder optionsBuilder)
        {
            if (optionsBuilder is null)
            {
                throw new global::System.ArgumentNullException(nameof(optionsBuilder));
            }

            var extension = optionsBuilder.Options.FindExtension<OptionsExtension>() ?? new OptionsExtension();
            ((global::Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension);
            return optionsBuilder;
        }

        /// <summary>Adds OneToOne to the context's options; see <see cref="{{use}}(global::Microsoft.EntityFrameworkCore.DbContextOptionsBuilder)"/>.</summary>
        /// <typeparam name="TContext">The context type.</typeparam>
        /// <param name="optionsBuilder">The options of the context.</param>
        /// <returns>The same options builder.</returns>
        public static global::Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<TContext> {{use}}<TContext>(this global::Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<TContext> optionsBuilder)
            where TContext : global::Microsoft.EntityFrameworkCore.DbContext
        {
            {{use}}((global::Microsoft.EntityFrameworkCore.DbContextOptionsBuilder)optionsBuilder);
            return optionsBuilder;
        }

        private sealed class OptionsExtension : global::Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptionsExtension
        {
            private global::Microsoft.EntityFrameworkCore.Infrastructure.DbContextOptionsExtensionInfo? info;

            public global::Microsoft.EntityFrameworkCore.Infrastructure.DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

            public void ApplyServices(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)
            {
                global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<global::Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure.IConventionSetPlugin, ConventionSetPlugin>(services);
                global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<global::Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SaveChangesHooks>(services);
            }

            public void Validate(global::Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions options)
            {
            }
        }

        private sealed class ExtensionInfo : global::Microsoft.EntityFrameworkCore.Infrastructure.DbContextOptionsExtensionInfo
        {
            public ExtensionInfo(global::Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptionsExtension extension)
                : base(extension)
            {
            }

            public override bool IsDatabaseProvider => false;

            public override string LogFragment => "using OneToOne ";

            public override int GetServiceProviderHashCode() => 0;

            public override bool ShouldUseSameServiceProvider(global::Microsoft.EntityFrameworkCore.Infrastructure.DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

            public override void PopulateDebugInfo(global::System.Collections.Generic.IDictionary<string, string> debugInfo) => debugInfo["OneToOne"] = "1";
        }

        /// <summary>Marks the model as built with OneToOne's options; removes the generated keys nothing uses any more.</summary>
        private sealed class ConventionSetPlugin : global::Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure.IConventionSetPlugin
        {
            public global::Microsoft.EntityFrameworkCore.Metadata.Conventions.ConventionSet ModifyConventions(global::Microsoft.EntityFrameworkCore.Metadata.Conventions.ConventionSet conventionSet)
            {
                var convention = new ModelConvention();
                conventionSet.ModelInitializedConventions.Add(convention);
                conventionSet.ModelFinalizingConventions.Add(convention);
                return conventionSet;
            }
        }

        private sealed class ModelConvention : global::Microsoft.EntityFrameworkCore.Metadata.Conventions.IModelInitializedConvention, global::Microsoft.EntityFrameworkCore.Metadata.Conventions.IModelFinalizingConvention
        {
            public void ProcessModelInitialized(
                global::Microsoft.EntityFrameworkCore.Metadata.Builders.IConventionModelBuilder modelBuilder,
                global::Microsoft.EntityFrameworkCore.Metadata.Conventions.IConventionContext<global::Microsoft.EntityFrameworkCore.Metadata.Builders.IConventionModelBuilder> context)
                => modelBuilder.Metadata.SetAnnotation({{modelBuilderClass}}.OneToOneLink.OptionsAnnotation, true);

            public void ProcessModelFinalizing(
                global::Microsoft.EntityFrameworkCore.Metadata.Builders.IConventionModelBuilder modelBuilder,
                global::Microsoft.EntityFrameworkCore.Metadata.Conventions.IConventionContext<global::Microsoft.EntityFrameworkCore.Metadata.Builders.IConventionModelBuilder> context)
            {
                var model = modelBuilder.Metadata;
                model.RemoveAnnotation({{modelBuilderClass}}.OneToOneLink.OptionsAnnotation);
                foreach (var entityType in global::System.Linq.Enumerable.ToList(model.GetEntityTypes()))
                {
                    foreach (var property in global::System.Linq.Enumerable.ToList(entityType.GetDeclaredProperties()))
                    {
                        if (property.FindAnnotation({{modelBuilderClass}}.OneToOneLink.ShadowKeyAnnotation) == null)
                        {
                            continue;
                        }

                        // Configuration after ApplyOneToOneLinks mapped the link another way: no orphan column.
                        if (global::System.Linq.Enumerable.Any(property.GetContainingForeignKeys()) ||
                            global::System.Linq.Enumerable.Any(property.GetContainingKeys()) ||
                            global::System.Linq.Enumerable.Any(property.GetContainingIndexes()))
                        {
                            property.RemoveAnnotation({{modelBuilderClass}}.OneToOneLink.ShadowKeyAnnotation);
                        }
                        else
                        {
                            entityType.RemoveProperty(property);
                        }
                    }
                }
            }
        }

        /// <summary>
        /// One per context. Before each SaveChanges: refuses a Restrict delete, and makes sure the context's
        /// StateChanged clears the links of every deleted object that leaves the context from then on.
        /// </summary>
        private sealed class SaveChangesHooks : global::Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
        {
            private static readonly global::System.EventHandler<global::Microsoft.EntityFrameworkCore.ChangeTracking.EntityStateChangedEventArgs> Detached = OnStateChanged;

            public override global::Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> SavingChanges(
                global::Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
                global::Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result)
            {
                BeforeSave(eventData.Context);
                return result;
            }

            public override global::System.Threading.Tasks.ValueTask<global::Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
                global::Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
                global::Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
                global::System.Threading.CancellationToken cancellationToken = default)
            {
                BeforeSave(eventData.Context);
                return new global::System.Threading.Tasks.ValueTask<global::Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>>(result);
            }

            private static void BeforeSave(global::Microsoft.EntityFrameworkCore.DbContext? context)
            {
                if (context == null)
                {
                    return;
                }

                var links = {{modelBuilderClass}}.ModelLinks.Of(context.Model);
                if (links.IsEmpty)
                {
                    return;
                }

                // Once per context (again after a pooled context was reset, which drops the handlers).
                var tracker = context.ChangeTracker;
                tracker.StateChanged -= Detached;
                tracker.StateChanged += Detached;
                if (links.HasRestrict)
                {
                    RefuseRestrictedDeletes(context, links);
                }
            }

            private static void OnStateChanged(object? sender, global::Microsoft.EntityFrameworkCore.ChangeTracking.EntityStateChangedEventArgs e)
            {
                // A deleted object leaves the context (deleted and saved, or added and then removed, or its delete
                // abandoned): it and its partners no longer point at each other. EF has already unlinked the tracked
                // partners that stay, with its own bookkeeping; the object itself, and a partner that left with it, are
                // left to clear. An unchanged object detached by hand keeps its links, as EF leaves them: clearing a
                // tracked partner's navigation behind EF would make the next SaveChanges write a null key.
                if (e.NewState != global::Microsoft.EntityFrameworkCore.EntityState.Detached ||
                    (e.OldState != global::Microsoft.EntityFrameworkCore.EntityState.Deleted && e.OldState != global::Microsoft.EntityFrameworkCore.EntityState.Added))
                {
                    return;
                }

                var of = {{modelBuilderClass}}.ModelLinks.Of(e.Entry.Context.Model).For(e.Entry.Metadata);
                if (of == null)
                {
                    return;
                }

                var entity = e.Entry.Entity;
                foreach (var link in of.AsDependent)
                {
                    link.DetachDependent(entity);
                }

                foreach (var link in of.AsPrincipal)
                {
                    link.DetachPrincipal(entity);
                }
            }

            private static void RefuseRestrictedDeletes(global::Microsoft.EntityFrameworkCore.DbContext context, {{modelBuilderClass}}.ModelLinks links)
            {
                var entries = global::System.Linq.Enumerable.ToList(context.ChangeTracker.Entries());
                foreach (var principal in entries)
                {
                    if (principal.State != global::Microsoft.EntityFrameworkCore.EntityState.Deleted)
                    {
                        continue;
                    }

                    var of = links.For(principal.Metadata);
                    if (of == null)
                    {
                        continue;
                    }

                    foreach (var restrict in of.Restricting)
                    {
                        var foreignKey = restrict.ForeignKey;
                        var key = principal.Property(foreignKey.PrincipalKey.Properties[0].Name).CurrentValue;
                        foreach (var dependent in entries)
                        {
                            if (dependent.State == global::Microsoft.EntityFrameworkCore.EntityState.Deleted ||
                                dependent.State == global::Microsoft.EntityFrameworkCore.EntityState.Detached ||
                                !foreignKey.DeclaringEntityType.IsAssignableFrom(dependent.Metadata) ||
                                !Equals(dependent.Property(foreignKey.Properties[0].Name).CurrentValue, key))
                            {
                                continue;
                            }

                            var link = restrict.Link;
                            throw new global::Microsoft.EntityFrameworkCore.DbUpdateException(
                                $"OneToOne: the {link.PrincipalName} cannot be deleted: {(Vowel(link.DependentName) ? "an" : "a")} {link.DependentName} is linked to it " +
                                $"({link.Name}{(link.External ? "" : " / " + link.PrincipalName + "." + link.Reverse)}) and the link says OnDelete = Restrict. " +
                                $"Delete the {link.DependentName}, or link it to another {link.PrincipalName}, first. Nothing was saved or changed.",
                                new[] { principal, dependent });
                        }
                    }
                }
            }

            private static bool Vowel(string name) => name.Length > 0 && "AEIOUaeiou".IndexOf(name[0]) >= 0;
        }
    }

}
""";
    }
}
