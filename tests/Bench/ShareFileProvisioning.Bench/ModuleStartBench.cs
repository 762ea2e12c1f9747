using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Bench
{
    /// <summary>
    /// Import-Module and the first Connect-ShareFile of a fresh pwsh (the repository's `dotnet pwsh`) against the
    /// emulator, timed inside that process, so PowerShell's own start does not count. Needs the built module.
    /// </summary>
    internal static class ModuleStartBench
    {
        private const int Runs = 3;

        public static bool Run(string modulePath, string emulatorDll, string repoRoot)
        {
            Console.WriteLine();
            Console.WriteLine($"== Module start: Import-Module and the first Connect-ShareFile in a fresh pwsh, median of {Runs}");
            if (modulePath == null || !File.Exists(Path.Combine(modulePath, "ShareFileProvisioning.psd1")))
            {
                Console.WriteLine("FAIL  module start not measured: build the module first (build.ps1 Build), then pass --module out/ShareFileProvisioning");
                return false;
            }

            var seeds = Path.Combine(Path.GetDirectoryName(emulatorDll), "seeds");
            using var emulator = EmulatorProcess.Start(emulatorDll, Path.Combine(seeds, "sharefile-default.json"), Path.Combine(seeds, "graph-default.json"));
            var imports = new List<double>();
            var connects = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var (import, connect) = Measure(modulePath, emulator.BaseUri, repoRoot);
                imports.Add(import);
                connects.Add(connect);
            }

            var importMs = Median(imports);
            var connectMs = Median(connects);
            Console.WriteLine("| Measure                         | Value        |");
            Console.WriteLine("|---------------------------------|--------------|");
            Console.WriteLine($"| {"Import-Module",-31} | {importMs,7:0} ms   |");
            Console.WriteLine($"| {"First Connect-ShareFile",-31} | {connectMs,7:0} ms   |");
            Console.WriteLine($"Runs: import {string.Join(" / ", imports.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))} ms, connect {string.Join(" / ", connects.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))} ms");
            var met = Target($"Import-Module < 100 ms ({importMs:0} ms)", importMs < 100);
            met &= Target($"first Connect-ShareFile < 1 s ({connectMs:0} ms)", connectMs < 1000);
            return met;
        }

        private static (double Import, double Connect) Measure(string modulePath, Uri emulator, string repoRoot)
        {
            var script = string.Join("; ",
                "$ErrorActionPreference = 'Stop'",
                "$w = [Diagnostics.Stopwatch]::StartNew()",
                $"Import-Module '{modulePath.Replace("'", "''")}'",
                "$import = $w.Elapsed.TotalMilliseconds",
                "$cred = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'P@ssw0rd!demo' -AsPlainText -Force))",
                "$secret = ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force",
                "$w.Restart()",
                $"Connect-ShareFile -Subdomain acme -Credential $cred -ClientId 'sfp-demo-client' -ClientSecret $secret -BaseUri '{emulator}'",
                "$connect = $w.Elapsed.TotalMilliseconds",
                "[string]::Format([cultureinfo]::InvariantCulture, 'MODULESTART {0:0.0} {1:0.0}', $import, $connect)");
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", script }) psi.ArgumentList.Add(a);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("pwsh did not start.");
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var m = Regex.Match(output, @"MODULESTART (\S+) (\S+)");
            if (!m.Success) throw new InvalidOperationException($"The module start run failed (exit {process.ExitCode}): {output} {error}");
            return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }

        internal static bool Target(string what, bool met)
        {
            Console.WriteLine($"{(met ? "PASS" : "FAIL")}  {what}");
            return met;
        }
    }
}
