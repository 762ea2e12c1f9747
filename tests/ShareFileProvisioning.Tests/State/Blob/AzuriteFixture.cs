using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using Azure.Storage.Blobs;

namespace ShareFileProvisioning.Tests.State.Blob
{
    /// <summary>
    /// Azurite's blob service (the npm package installed by build.ps1 into tests/tools/azurite), started once for the
    /// collection on 127.0.0.1 with a port the OS picks, in memory, and stopped afterwards. Without Azurite the tests
    /// fail with the install command: a blob store that was never exercised must not look green.
    /// </summary>
    public sealed class AzuriteFixture : IAsyncLifetime
    {
        public const string AccountName = "devstoreaccount1";

        /// <summary>Azurite's documented, public development account key (not a secret).</summary>
        public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

        public const string InstallCommand = "npm install --no-package-lock --no-audit --no-fund --prefix tests/tools/azurite";

        private static readonly Regex Listening = new Regex(@"listens on (http://\S+)", RegexOptions.Compiled);
        private readonly StringWriter _output = new StringWriter();
        private Process _process;
        private string _workDirectory;

        /// <summary>http://127.0.0.1:port/devstoreaccount1</summary>
        public Uri AccountUri { get; private set; }

        public string ConnectionString =>
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={AccountUri};";

        public BlobServiceClient Service => new BlobServiceClient(ConnectionString);

        /// <summary>A container name no other test uses.</summary>
        public static string NewContainerName() => "sfprov-test-" + Guid.NewGuid().ToString("N").Substring(0, 16);

        public Uri ContainerUri(string container) => new Uri(AccountUri + "/" + container);

        public static string FindAzuriteScript()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "ShareFileProvisioning.sln"))) dir = dir.Parent;
            if (dir == null) throw new InvalidOperationException("Cannot find the repository root (ShareFileProvisioning.sln) above " + AppContext.BaseDirectory + ".");
            return Path.Combine(dir.FullName, "tests", "tools", "azurite", "node_modules", "azurite", "dist", "src", "blob", "main.js");
        }

        public async Task InitializeAsync()
        {
            var script = FindAzuriteScript();
            if (!File.Exists(script))
                throw new InvalidOperationException($"Azurite is not installed ({script} is missing). The blob state store tests need it: run '{InstallCommand}' in the repository root (build.ps1 Test does this when npm is on PATH).");

            _workDirectory = Path.Combine(Path.GetTempPath(), "sfp-azurite-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(_workDirectory);
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = _workDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                script, "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence",
                "--extentMemoryLimit", "512", "--silent", "--skipApiVersionCheck", "--loose",
            }) start.ArgumentList.Add(arg);

            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                _process = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("Cannot start Azurite: 'node' is not on PATH. Install Node.js, then run '" + InstallCommand + "'.", e);
            }
            _process.OutputDataReceived += (_, e) => OnLine(e.Data, listening);
            _process.ErrorDataReceived += (_, e) => OnLine(e.Data, listening);
            _process.EnableRaisingEvents = true;
            _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Azurite exited with code " + _process.ExitCode + ": " + _output));
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            var ready = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60)));
            if (ready != listening.Task)
            {
                await DisposeAsync();
                throw new InvalidOperationException("Azurite did not report listening within 60 s. Output: " + _output);
            }
            AccountUri = new Uri((await listening.Task).TrimEnd('/') + "/" + AccountName);
        }

        private void OnLine(string line, TaskCompletionSource<string> listening)
        {
            if (line == null) return;
            lock (_output) _output.WriteLine(line);
            var match = Listening.Match(line);
            if (match.Success) listening.TrySetResult(match.Groups[1].Value);
        }

        public Task DisposeAsync()
        {
            try
            {
                if (_process != null && !_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
            }
            _process?.Dispose();
            _process = null;
            try
            {
                if (_workDirectory != null && Directory.Exists(_workDirectory)) Directory.Delete(_workDirectory, true);
            }
            catch (IOException)
            {
            }
            return Task.CompletedTask;
        }
    }

    [CollectionDefinition(Name)]
    public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
    {
        public const string Name = "Azurite";
    }
}
