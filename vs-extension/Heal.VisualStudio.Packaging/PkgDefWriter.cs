using System.Reflection;
using System.Text;

namespace Heal.VisualStudio.Packaging;

/// <summary>
/// Writes the package's <c>.pkgdef</c> from its registration attributes, read with MetadataLoadContext (what the VSSDK's
/// CreatePkgDef does on Windows by running the attributes): the package, its tool windows and their visibility, the
/// options pages, auto-load contexts and the binding path. Only the attributes Heal's package uses are understood; any
/// other registration attribute is an error, so nothing is silently left out.
/// </summary>
public static class PkgDefWriter
{
    private const string Shell = "Microsoft.VisualStudio.Shell.";

    public static string Write(Assembly assembly)
    {
        var packages = assembly.GetTypes().Where(t => Attributes(t).Any(a => a.AttributeType.FullName == Shell + "PackageRegistrationAttribute")).ToList();
        if (packages.Count != 1)
        {
            throw new InvalidOperationException($"{assembly.GetName().Name} has {packages.Count} types with [PackageRegistration]; expected one");
        }

        var package = packages[0];
        var packageGuid = Braced(GuidOf(package));
        var text = new StringBuilder();
        var registration = Attributes(package).Single(a => a.AttributeType.FullName == Shell + "PackageRegistrationAttribute");
        text.AppendLine($@"[$RootKey$\Packages\{packageGuid}]");
        text.AppendLine($"@=\"{package.FullName}\"");
        text.AppendLine(@"""InprocServer32""=""$WinDir$\SYSTEM32\MSCOREE.DLL""");
        text.AppendLine($"\"Class\"=\"{package.FullName}\"");
        text.AppendLine($@"""CodeBase""=""$PackageFolder$\{assembly.GetName().Name}.dll""");
        if (Named(registration, "AllowsBackgroundLoading") is true)
        {
            text.AppendLine("\"AllowsBackgroundLoading\"=dword:00000001");
        }

        foreach (var attribute in Attributes(package).Where(a => a.AttributeType.Namespace == "Microsoft.VisualStudio.Shell" && a.AttributeType.Name.StartsWith("Provide", StringComparison.Ordinal)))
        {
            text.AppendLine();
            switch (attribute.AttributeType.Name)
            {
                case "ProvideToolWindowAttribute":
                    var window = (Type)attribute.ConstructorArguments[0].Value!;
                    text.AppendLine($@"[$RootKey$\ToolWindows\{Braced(GuidOf(window))}]");
                    text.AppendLine($"@=\"{packageGuid}\"");
                    text.AppendLine($"\"Name\"=\"{window.FullName}\"");
                    if (Named(attribute, "Style") is int style)
                    {
                        text.AppendLine($"\"Style\"=\"{StyleName(style)}\"");
                    }

                    if (Named(attribute, "Window") is string dockWith)
                    {
                        text.AppendLine($"\"Window\"=\"{Braced(Guid.Parse(dockWith))}\"");
                    }

                    break;
                case "ProvideToolWindowVisibilityAttribute":
                    var visible = (Type)attribute.ConstructorArguments[0].Value!;
                    text.AppendLine($@"[$RootKey$\ToolWindows\{Braced(GuidOf(visible))}\Visibility]");
                    text.AppendLine($"\"{Braced(Guid.Parse((string)attribute.ConstructorArguments[1].Value!))}\"=dword:00000000");
                    break;
                case "ProvideOptionPageAttribute":
                    var page = (Type)attribute.ConstructorArguments[0].Value!;
                    var category = (string)attribute.ConstructorArguments[1].Value!;
                    var name = (string)attribute.ConstructorArguments[2].Value!;
                    text.AppendLine($@"[$RootKey$\ToolsOptionsPages\{category}]");
                    text.AppendLine($"@=\"{category}\"");
                    text.AppendLine($"\"Package\"=\"{packageGuid}\"");
                    text.AppendLine();
                    text.AppendLine($@"[$RootKey$\ToolsOptionsPages\{category}\{name}]");
                    text.AppendLine($"@=\"{name}\"");
                    text.AppendLine($"\"Package\"=\"{packageGuid}\"");
                    text.AppendLine($"\"Page\"=\"{Braced(GuidOf(page))}\"");
                    if (attribute.ConstructorArguments.Count > 5 && attribute.ConstructorArguments[5].Value is true)
                    {
                        text.AppendLine();
                        text.AppendLine($@"[$RootKey$\AutomationProperties\{category}\{name}]");
                        text.AppendLine($"\"Name\"=\"{category}.{name}\"");
                        text.AppendLine($"\"Package\"=\"{packageGuid}\"");
                    }

                    break;
                case "ProvideAutoLoadAttribute":
                    var context = Guid.Parse((string)attribute.ConstructorArguments[0].Value!);
                    var flags = attribute.ConstructorArguments.Count > 1 ? Convert.ToInt32(attribute.ConstructorArguments[1].Value) : 0;
                    text.AppendLine($@"[$RootKey$\AutoLoadPackages\{Braced(context)}]");
                    text.AppendLine($"\"{packageGuid}\"=dword:{flags:x8}");
                    break;
                case "ProvideBindingPathAttribute":
                    text.AppendLine($@"[$RootKey$\BindingPaths\{packageGuid}]");
                    text.AppendLine("\"$PackageFolder$\"=\"\"");
                    break;
                default:
                    throw new InvalidOperationException($"{package.FullName} has [{attribute.AttributeType.Name}], which heal-vsix cannot write to a pkgdef");
            }
        }

        return text.ToString();
    }

    public static Guid GuidOf(Type type) =>
        Attributes(type).FirstOrDefault(a => a.AttributeType.FullName == "System.Runtime.InteropServices.GuidAttribute") is { } guid
            ? Guid.Parse((string)guid.ConstructorArguments[0].Value!)
            : throw new InvalidOperationException($"{type.FullName} has no [Guid]");

    private static IList<CustomAttributeData> Attributes(Type type) => type.GetCustomAttributesData();

    private static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(n => n.MemberName == name) is { MemberName: not null } found ? found.TypedValue.Value : null;

    private static string Braced(Guid guid) => "{" + guid.ToString("D") + "}";

    /// <summary>VsDockStyle's names, as ProvideToolWindowAttribute writes them.</summary>
    private static string StyleName(int style) => style switch
    {
        0 => "none",
        1 => "MDI",
        2 => "Float",
        3 => "Linked",
        4 => "Tabbed",
        5 => "AlwaysFloat",
        _ => throw new InvalidOperationException($"unknown VsDockStyle {style}"),
    };
}
