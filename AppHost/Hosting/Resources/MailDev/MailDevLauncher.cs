using System.Globalization;
using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

internal sealed class MailDevLauncher(MailDevResource mail, string appHostDirectory) : IProcessLauncher
{
    private readonly RequiredBinary script = NodePackages.Script(mail.Name, "maildev", "bin/maildev", appHostDirectory);

    public IReadOnlyList<RequiredBinary> RequiredBinaries => [NodePackages.Node, script];

    public Task<ProcessSpec> PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var mailDirectory = Path.Combine(context.DataDirectory, "mail");
        Directory.CreateDirectory(mailDirectory);
        return Task.FromResult(new ProcessSpec(NodePackages.Node.Resolve(),
        [
            script.Resolve(),
            "--smtp", mail.SmtpEndpoint.Port.ToString(CultureInfo.InvariantCulture),
            "--web", mail.HttpEndpoint.Port.ToString(CultureInfo.InvariantCulture),
            "--ip", "127.0.0.1",
            "--mail-directory", mailDirectory,
        ])
        { WorkingDirectory = context.DataDirectory });
    }
}
