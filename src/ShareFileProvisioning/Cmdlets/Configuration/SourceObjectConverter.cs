using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Mapping;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>A hashtable or PSObject (Import-Csv row, Graph user, [pscustomobject]) → a SourceObject with its properties as attributes.</summary>
    internal static class SourceObjectConverter
    {
        public static SourceObject Convert(object input)
        {
            var value = input is PSObject ps ? ps.BaseObject : input;
            var source = new SourceObject();
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary) Set(source, entry.Key?.ToString(), entry.Value);
                return source;
            }
            foreach (var property in PSObject.AsPSObject(input).Properties)
            {
                if (!property.IsGettable) continue;
                object v;
                try
                {
                    v = property.Value;
                }
                catch (GetValueException)
                {
                    continue;
                }
                Set(source, property.Name, v);
            }
            return source;
        }

        private static void Set(SourceObject source, string name, object raw)
        {
            if (string.IsNullOrWhiteSpace(name)) return;
            var value = raw is PSObject ps ? ps.BaseObject : raw;
            if (string.Equals(name, SourceObject.IsSoftDeletedAttribute, StringComparison.OrdinalIgnoreCase))
            {
                source.IsSoftDeleted = LanguagePrimitives.IsTrue(value) && !(value is string s && s.Equals("False", StringComparison.OrdinalIgnoreCase));
                return;
            }
            switch (value)
            {
                case null:
                case string _:
                case bool _:
                case int _:
                case long _:
                case short _:
                case DateTime _:
                case DateTimeOffset _:
                case Guid _:
                    source.Set(name, value);
                    return;
                case IEnumerable items:
                    var list = new List<string>();
                    foreach (var item in items)
                    {
                        var unwrapped = item is PSObject p ? p.BaseObject : item;
                        if (unwrapped != null) list.Add(LanguagePrimitives.ConvertTo<string>(unwrapped));
                    }
                    source.Set(name, list);
                    return;
                default:
                    source.Set(name, LanguagePrimitives.ConvertTo<string>(value));
                    return;
            }
        }
    }
}
