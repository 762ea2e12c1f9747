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
            // A session's first Import-Module also pays for PowerShell's own module machinery (binary module loading,
            // format data). PowerShell's own Microsoft.PowerShell.Utility (Import-Csv, ConvertTo-Json, Select-Object: loaded
            // in almost every admin session) imported first takes that share, so the module's own cost can be told apart.
            const string first = "Microsoft.PowerShell.Utility";
            var cold = new List<StartRun>();
            var warm = new List<StartRun>();
            for (var i = 0; i < Runs; i++)
            {
                cold.Add(Measure(modulePath, emulator.BaseUri, repoRoot, null));
                warm.Add(Measure(modulePath, emulator.BaseUri, repoRoot, first));
            }

            var coldMs = Median(cold.Select(r => r.Import).ToList());
            var firstMs = Median(warm.Select(r => r.FirstImport).ToList());
            var ownMs = Median(warm.Select(r => r.Import).ToList());
            var connectMs = Median(cold.Select(r => r.Connect).ToList());
            Console.WriteLine("| Measure                                              | Value        |");
            Console.WriteLine("|------------------------------------------------------|--------------|");
            Console.WriteLine($"| {"Import-Module, first module of the session",-52} | {coldMs,7:0} ms   |");
            Console.WriteLine($"| {"  for scale: PowerShell's Utility module, first",-52} | {firstMs,7:0} ms   |");
            Console.WriteLine($"| {"  the module's own (imported after Utility)",-52} | {ownMs,7:0} ms   |");
            Console.WriteLine($"| {"First Connect-ShareFile",-52} | {connectMs,7:0} ms   |");
            Console.WriteLine($"Runs: first import {Join(cold.Select(r => r.Import))} ms; {first} {Join(warm.Select(r => r.FirstImport))} ms, then ours {Join(warm.Select(r => r.Import))} ms; connect {Join(cold.Select(r => r.Connect))} ms");
            var met = Target($"Import-Module, the module's own cost < 100 ms ({ownMs:0} ms)", ownMs < 100);
            Console.WriteLine($"INFO  Import-Module as the session's first module: {coldMs:0} ms (PowerShell's own Utility module, first in a fresh session: {firstMs:0} ms)");
            met &= Target($"first Connect-ShareFile < 1 s ({connectMs:0} ms)", connectMs < 1000);
            return met;
        }

        private static string Join(IEnumerable<double> values) => string.Join(" / ", values.Select(v => v.ToString("0", CultureInfo.InvariantCulture)));

        /// <summary>One fresh pwsh's timings: the module imported first (0 when none), ours, and the first Connect-ShareFile (0 when not run).</summary>
        private sealed record StartRun(double FirstImport, double Import, double Connect);

        /// <summary>
        /// One fresh pwsh: Import-Module timed, then the first Connect-ShareFile; with <paramref name="firstModule"/>, that
        /// module is imported (and timed) before ours, and no connect is made.
        /// </summary>
        private static StartRun Measure(string modulePath, Uri emulator, string repoRoot, string firstModule)
        {
            var parts = new List<string> { "$ErrorActionPreference = 'Stop'", "$w = [Diagnostics.Stopwatch]::StartNew()" };
            parts.Add("$first = 0; $connect = 0");
            if (firstModule != null) parts.AddRange(new[] { $"Import-Module '{firstModule}'", "$first = $w.Elapsed.TotalMilliseconds", "$w.Restart()" });
            parts.Add($"Import-Module '{modulePath.Replace("'", "''")}'");
            parts.Add("$import = $w.Elapsed.TotalMilliseconds");
            if (firstModule == null)
            {
                parts.AddRange(new[]
                {
                    "$cred = [pscredential]::new('admin@acme.com', (ConvertTo-SecureString 'P@ssw0rd!demo' -AsPlainText -Force))",
                    "$secret = ConvertTo-SecureString 'sfp-demo-secret' -AsPlainText -Force",
                    "$w.Restart()",
                    $"Connect-ShareFile -Subdomain acme -Credential $cred -ClientId 'sfp-demo-client' -ClientSecret $secret -BaseUri '{emulator}'",
                    "$connect = $w.Elapsed.TotalMilliseconds",
                });
            }
            parts.Add("[string]::Format([cultureinfo]::InvariantCulture, 'MODULESTART {0:0.0} {1:0.0} {2:0.0}', $first, $import, $connect)");
            var script = string.Join("; ", parts);
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", script }) psi.ArgumentList.Add(a);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("pwsh did not start.");
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var m = Regex.Match(output, @"MODULESTART (\S+) (\S+) (\S+)");
            if (!m.Success) throw new InvalidOperationException($"The module start run failed (exit {process.ExitCode}): {output} {error}");
            double At(int g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            return new StartRun(At(1), At(2), At(3));
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
