using System;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Bench
{
    /// <summary>The emulator in its own process, so the benchmark's memory figure is the engine's alone.</summary>
    internal sealed class EmulatorProcess : IDisposable
    {
        private readonly Process _process;

        private EmulatorProcess(Process process, Uri baseUri)
        {
            _process = process;
            BaseUri = baseUri;
        }

        public Uri BaseUri { get; }

        public static EmulatorProcess Start(string emulatorDll, string shareFileSeed, string graphSeed)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { emulatorDll, "--port", "0", "--sharefile-seed", shareFileSeed, "--graph-seed", graphSeed }) psi.ArgumentList.Add(a);
            var process = Process.Start(psi) ?? throw new InvalidOperationException("The emulator did not start.");
            var read = process.StandardOutput.ReadLineAsync();
            if (!read.Wait(TimeSpan.FromMinutes(3)) || read.Result == null || !Regex.IsMatch(read.Result, @"Listening on (\S+)"))
            {
                try { process.Kill(true); } catch (InvalidOperationException) { }
                throw new InvalidOperationException("The emulator did not start: " + read.Result + " " + process.StandardError.ReadToEnd());
            }
            var uri = new Uri(Regex.Match(read.Result, @"Listening on (\S+)").Groups[1].Value);
            return new EmulatorProcess(process, uri);
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited) _process.Kill(true);
                _process.WaitForExit(10000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            _process.Dispose();
        }
    }
}
