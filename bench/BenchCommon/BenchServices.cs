namespace WebRtcChat.Bench;

/// <summary>
/// A benchmark's set of services on a <see cref="BenchStack"/>: a subclass starts its services in
/// <see cref="StartServicesAsync"/> and keeps what the benchmark needs of them (hosts, addresses, databases).
/// </summary>
public abstract class BenchServices : IAsyncDisposable
{
    private BenchStack? stack;

    /// <summary>Starts the stores and then the services of <typeparamref name="T"/>.</summary>
    public static async Task<T> StartAsync<T>()
        where T : BenchServices, new()
    {
        var services = new T();
        services.stack = await BenchStack.StartAsync(services.StartServicesAsync);
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        if (stack is not null)
        {
            await stack.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task StartServicesAsync(BenchStack stack);
}
