using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

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

        /// <summary>Every later request waits this long before its answer (the control surface itself does not).</summary>
        public async Task SetLatencyAsync(int milliseconds)
        {
            using var http = new HttpClient();
            var body = new StringContent($"{{\"milliseconds\":{milliseconds}}}", Encoding.UTF8, "application/json");
            (await http.PostAsync(new Uri(BaseUri, "_emulator/latency"), body)).EnsureSuccessStatusCode();
        }

        public async Task ClearRequestsAsync()
        {
            using var http = new HttpClient();
            (await http.DeleteAsync(new Uri(BaseUri, "_emulator/requests"))).EnsureSuccessStatusCode();
        }

        /// <summary>The request log comes from the control surface: the emulator runs in its own process.</summary>
        public async Task PrintRequestsAsync()
        {
            using var http = new HttpClient();
            var counts = JObject.Parse(await http.GetStringAsync(new Uri(BaseUri, "_emulator/requests")))["counts"] as JObject;
            Console.WriteLine("Requests by route:");
            foreach (var p in (counts?.Properties() ?? Enumerable.Empty<JProperty>()).OrderByDescending(p => (int)p.Value).ThenBy(p => p.Name, StringComparer.Ordinal))
                Console.WriteLine($"  {(int)p.Value,7:N0}  {p.Name}");
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
