using System.IO.Compression;
using Aspire.Hosting.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aspire.Hosting.Dashboard.Otlp;

/// <summary>
/// The OTLP/HTTP receiver: POST /v1/traces, /v1/logs and /v1/metrics with binary protobuf bodies
/// (optionally gzip-compressed). JSON-encoded OTLP is refused with 415.
/// </summary>
internal static class OtlpReceiverApi
{
    private const string ProtobufContentType = "application/x-protobuf";
    private const int MaxPayloadBytes = 32 * 1024 * 1024;

    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/traces", (HttpContext context, TelemetryStore store) =>
            ReceiveAsync(context, payload => store.AddSpans(OtlpTraceDecoder.Decode(payload))));
        endpoints.MapPost("/v1/logs", (HttpContext context, TelemetryStore store) =>
            ReceiveAsync(context, payload => store.AddLogs(OtlpLogDecoder.Decode(payload))));
        endpoints.MapPost("/v1/metrics", (HttpContext context, TelemetryStore store) =>
            ReceiveAsync(context, payload =>
            {
                foreach (var (service, names) in OtlpMetricDecoder.Decode(payload))
                {
                    store.AddMetrics(service, names);
                }
            }));
        return endpoints;
    }

    private delegate void PayloadHandler(ReadOnlySpan<byte> payload);

    private static async Task<IResult> ReceiveAsync(HttpContext context, PayloadHandler handle)
    {
        var request = context.Request;
        if (request.ContentType is not { } contentType
            || !contentType.StartsWith(ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported OTLP encoding",
                detail: $"Send OTLP as {ProtobufContentType} (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).");
        }

        byte[] payload;
        try
        {
            payload = await ReadBodyAsync(request, context.RequestAborted);
            handle(payload);
        }
        catch (Exception problem) when (problem is ProtoFormatException or InvalidDataException)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed OTLP payload",
                detail: problem.Message);
        }

        // An empty Export*ServiceResponse encodes to zero bytes: everything was accepted.
        return TypedResults.Bytes([], ProtobufContentType);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var gzip = string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase);
        await using var decompressed = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
        var source = decompressed ?? request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxPayloadBytes)
            {
                throw new InvalidDataException($"The payload is larger than {MaxPayloadBytes / (1024 * 1024)} MB.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
