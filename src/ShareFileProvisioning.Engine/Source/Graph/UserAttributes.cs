using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using ShareFileProvisioning.Engine.Mapping;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>
    /// A Graph user → <see cref="SourceObject"/> with Entra attribute names. Reads the SDK model's backing store
    /// (exactly the properties Graph returned) rather than a fixed property list, so any selected attribute flows.
    /// Nested objects are flattened by their property names (onPremisesExtensionAttributes → extensionAttribute1…).
    /// </summary>
    internal static class UserAttributes
    {
        public static SourceObject ToSourceObject(User user)
        {
            var result = new SourceObject();
            Add(result, user, 0);
            if (user.Id != null) result.Set("objectId", user.Id);
            return result;
        }

        private static void Add(SourceObject target, IBackedModel model, int depth)
        {
            foreach (var pair in model.BackingStore.Enumerate())
            {
                var key = pair.Key;
                if (key.StartsWith("@", StringComparison.Ordinal)) continue;
                if (key == "AdditionalData" || key == "additionalData")
                {
                    if (pair.Value is IDictionary<string, object> extra)
                        foreach (var e in extra)
                            if (!e.Key.StartsWith("@", StringComparison.Ordinal) && !e.Key.Contains("@")) SetValue(target, e.Key, Plain(e.Value), depth);
                    continue;
                }

                SetValue(target, key, pair.Value, depth);
            }
        }

        private static void SetValue(SourceObject target, string key, object value, int depth)
        {
            switch (value)
            {
                case null:
                    return;
                case IBackedModel nested when depth == 0:
                    Add(target, nested, depth + 1);
                    return;
                case IBackedModel _:
                    return;
                case Enum e:
                    target.Set(key, e.ToString());
                    return;
                case Guid g:
                    target.Set(key, g.ToString());
                    return;
                case double d:
                    target.Set(key, (long)d);
                    return;
                case decimal m:
                    target.Set(key, (long)m);
                    return;
                case string _:
                case bool _:
                case int _:
                case long _:
                case DateTimeOffset _:
                case DateTime _:
                    target.Set(key, value);
                    return;
                case IEnumerable list:
                    var strings = list.Cast<object>().Where(o => o is string).Cast<string>().ToList();
                    if (strings.Count > 0) target.Set(key, strings);
                    return;
                default:
                    return;  // other complex values (e.g. identities) are not mapping inputs
            }
        }

        /// <summary>Kiota's untyped nodes (unknown properties) → plain values.</summary>
        internal static object Plain(object value)
        {
            switch (value)
            {
                case UntypedString s: return s.GetValue();
                case UntypedBoolean b: return b.GetValue();
                case UntypedInteger i: return (long)i.GetValue();
                case UntypedLong l: return l.GetValue();
                case UntypedDouble d: return d.GetValue();
                case UntypedFloat f: return (double)f.GetValue();
                case UntypedDecimal m: return m.GetValue();
                case UntypedNull _: return null;
                case UntypedArray a: return a.GetValue().Select(Plain).Where(v => v is string).Cast<string>().ToList();
                case UntypedObject _: return null;
                default: return value;
            }
        }

        /// <summary>Reads "@removed": {"reason": "changed" | "deleted"} from a delta item.</summary>
        public static string RemovedReason(IDictionary<string, object> additionalData)
        {
            if (additionalData == null || !additionalData.TryGetValue("@removed", out var removed)) return null;
            if (removed is UntypedObject o && o.GetValue().TryGetValue("reason", out var reason)) return Plain(reason) as string ?? "deleted";
            return "deleted";
        }

        /// <summary>members@delta of a group delta item: (id, isGroup, removed).</summary>
        public static IEnumerable<(string Id, bool IsGroup, bool Removed)> MembersDelta(IDictionary<string, object> additionalData)
        {
            if (additionalData == null || !additionalData.TryGetValue("members@delta", out var raw) || !(raw is UntypedArray array)) yield break;
            foreach (var node in array.GetValue())
            {
                if (!(node is UntypedObject item)) continue;
                var props = item.GetValue();
                var id = props.TryGetValue("id", out var idNode) ? Plain(idNode) as string : null;
                if (id == null) continue;
                var type = props.TryGetValue("@odata.type", out var t) ? Plain(t) as string : null;
                yield return (id, string.Equals(type, "#microsoft.graph.group", StringComparison.OrdinalIgnoreCase), props.ContainsKey("@removed"));
            }
        }
    }
}
