using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Something whose value is known only at run time (a port, a generated password).</summary>
public interface IValueProvider
{
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);
}

/// <summary>Something the deployment manifest writes as a <c>{resource.property}</c> placeholder.</summary>
public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}

/// <summary>
/// An interpolated string whose holes are values known only at run time. It renders two ways:
/// the real value for a process started now, and the placeholder form for the manifest.
/// </summary>
[InterpolatedStringHandler]
public readonly struct ReferenceExpressionBuilder
{
    private readonly StringBuilder format;
    private readonly List<object> providers;

    public ReferenceExpressionBuilder(int literalLength, int formattedCount)
    {
        format = new StringBuilder(literalLength + (formattedCount * 4));
        providers = new List<object>(formattedCount);
    }

    public void AppendLiteral(string value) => format.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    public void AppendFormatted<T>(T value) where T : notnull
    {
        if (value is IValueProvider and IManifestExpressionProvider)
        {
            format.Append('{').Append(providers.Count).Append('}');
            providers.Add(value);
        }
        else
        {
            AppendLiteral(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }

    internal ReferenceExpression Build() => new(format.ToString(), [.. providers]);
}

public sealed class ReferenceExpression : IValueProvider, IManifestExpressionProvider
{
    internal ReferenceExpression(string format, object[] providers)
    {
        Format = format;
        Providers = providers;
    }

    public string Format { get; }

    public IReadOnlyList<object> Providers { get; }

    public static ReferenceExpression Create(in ReferenceExpressionBuilder builder) => builder.Build();

    public string ValueExpression => string.Format(
        CultureInfo.InvariantCulture, Format, [.. Providers.Select(p => ((IManifestExpressionProvider)p).ValueExpression)]);

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var values = new object?[Providers.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = await ((IValueProvider)Providers[i]).GetValueAsync(cancellationToken);
        }

        return string.Format(CultureInfo.InvariantCulture, Format, values);
    }

    public override string ToString() => ValueExpression;
}
