using BenchmarkDotNet.Running;
using WebRtcChat.Bench.WebRtc;

// --output <file> writes the report (machine, date, command, load average, the CPU-clock table, BenchmarkDotNet's
// tables); the other arguments go to BenchmarkDotNet (e.g. --filter '*Srtp*').
var output = ResultsReport.TakeOutputArgument(ref args);
var loadBefore = ResultsReport.LoadAverage();
var cpuTable = CpuTimeRunner.Run();
Console.WriteLine(cpuTable);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create()).ToList();
if (output is not null)
{
    ResultsReport.Write(output, cpuTable, summaries, loadBefore, ResultsReport.LoadAverage());
    Console.WriteLine($"Report written to {output}");
}
