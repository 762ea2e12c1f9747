using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Cmdlets.Base
{
    /// <summary>
    /// Write* and ShouldProcess throw when called off the pipeline thread, so engine work runs on the thread pool and
    /// posts what it has to say here; the cmdlet drains the queue on its own thread until the work is done.
    /// </summary>
    internal sealed class PipelineQueue : IDisposable
    {
        private readonly BlockingCollection<Action> _actions = new BlockingCollection<Action>();

        public void Post(Action action)
        {
            try
            {
                _actions.Add(action);
            }
            catch (InvalidOperationException)
            {
                // The work has ended; a late trace line has nowhere to go and is not worth failing for.
            }
        }

        public T Run<T>(Func<Task<T>> work, CancellationToken cancellationToken)
        {
            var task = Task.Run(work, cancellationToken);
            task.ContinueWith(_ => _actions.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var action in _actions.GetConsumingEnumerable())
            {
                action();
            }

            // GetResult rethrows the original exception, not an AggregateException.
            return task.GetAwaiter().GetResult();
        }

        public void Dispose() => _actions.Dispose();
    }
}
