using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, WebRtcChat.Bench.WebRtc.BenchConfig.Create());
