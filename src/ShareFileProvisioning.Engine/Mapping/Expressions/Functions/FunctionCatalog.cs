using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Functions
{
    /// <summary>One supported function: exact (case-sensitive) name, signature for messages, argument count range.</summary>
    internal sealed class FunctionDefinition
    {
        public FunctionDefinition(string name, string signature, int minArgs, int maxArgs, Func<FunctionNode> create)
        {
            Name = name;
            Signature = signature;
            MinArgs = minArgs;
            MaxArgs = maxArgs;
            Create = create;
        }

        public string Name { get; }
        public string Signature { get; }
        public int MinArgs { get; }
        public int MaxArgs { get; }
        public Func<FunctionNode> Create { get; }
    }

    /// <summary>
    /// The functions of Entra's expression language that this engine implements
    /// (docs/entra-provisioning.md, 'Attribute mappings and expressions').
    /// </summary>
    internal static class FunctionCatalog
    {
        private const int Many = int.MaxValue;

        public static readonly IReadOnlyDictionary<string, FunctionDefinition> All = Build(
            new FunctionDefinition("Append", "Append(source, suffix)", 2, 2, () => new AppendFunction()),
            new FunctionDefinition("BitAnd", "BitAnd(value1, value2)", 2, 2, () => new BitAndFunction()),
            new FunctionDefinition("CBool", "CBool(expression)", 1, 1, () => new CBoolFunction()),
            new FunctionDefinition("CDate", "CDate(expression)", 1, 1, () => new CDateFunction()),
            new FunctionDefinition("Coalesce", "Coalesce(source1, source2, …, defaultValue)", 1, Many, () => new CoalesceFunction()),
            new FunctionDefinition("ConvertToBase64", "ConvertToBase64(source)", 1, 1, () => new ConvertToBase64Function()),
            new FunctionDefinition("ConvertToUTF8Hex", "ConvertToUTF8Hex(source)", 1, 1, () => new ConvertToUtf8HexFunction()),
            new FunctionDefinition("Count", "Count(attribute)", 1, 1, () => new CountFunction()),
            new FunctionDefinition("CStr", "CStr(value)", 1, 1, () => new CStrFunction()),
            new FunctionDefinition("DateAdd", "DateAdd(interval, value, dateTime)", 3, 3, () => new DateAddFunction()),
            new FunctionDefinition("DateDiff", "DateDiff(interval, date1, date2)", 3, 3, () => new DateDiffFunction()),
            new FunctionDefinition("DateFromNum", "DateFromNum(value)", 1, 1, () => new DateFromNumFunction()),
            new FunctionDefinition("FormatDateTime", "FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat)", 4, 4,
                () => new FormatDateTimeFunction()),
            new FunctionDefinition("Guid", "Guid()", 0, 0, () => new GuidFunction()),
            new FunctionDefinition("IgnoreFlowIfNullOrEmpty", "IgnoreFlowIfNullOrEmpty(expression)", 1, 1, () => new IgnoreFlowIfNullOrEmptyFunction()),
            new FunctionDefinition("IIF", "IIF(condition, valueIfTrue, valueIfFalse)", 3, 3, () => new IifFunction()),
            new FunctionDefinition("InStr", "InStr(value1, value2, start, compareType)", 2, 4, () => new InStrFunction()),
            new FunctionDefinition("IsNull", "IsNull(expression)", 1, 1, () => new TestFunction(TestFunction.Kind.IsNull)),
            new FunctionDefinition("IsNullOrEmpty", "IsNullOrEmpty(expression)", 1, 1, () => new TestFunction(TestFunction.Kind.IsNullOrEmpty)),
            new FunctionDefinition("IsPresent", "IsPresent(expression)", 1, 1, () => new TestFunction(TestFunction.Kind.IsPresent)),
            new FunctionDefinition("IsString", "IsString(expression)", 1, 1, () => new TestFunction(TestFunction.Kind.IsString)),
            new FunctionDefinition("Item", "Item(attribute, index)", 2, 2, () => new ItemFunction()),
            new FunctionDefinition("Join", "Join(separator, source1, source2, …)", 2, Many, () => new JoinFunction()),
            new FunctionDefinition("Left", "Left(String, NumChars)", 2, 2, () => new LeftFunction()),
            new FunctionDefinition("Mid", "Mid(source, start, length)", 3, 3, () => new MidFunction()),
            new FunctionDefinition("NormalizeDiacritics", "NormalizeDiacritics(source)", 1, 1, () => new NormalizeDiacriticsFunction()),
            new FunctionDefinition("Not", "Not(source)", 1, 1, () => new NotFunction()),
            new FunctionDefinition("Now", "Now()", 0, 0, () => new NowFunction()),
            new FunctionDefinition("NumFromDate", "NumFromDate(value)", 1, 1, () => new NumFromDateFunction()),
            new FunctionDefinition("PCase", "PCase(source, wordSeparators)", 1, 2, () => new PCaseFunction()),
            new FunctionDefinition("RandomString",
                "RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital, MinimumLowerCase, CharactersToAvoid)", 5, 6,
                () => new RandomStringFunction()),
            new FunctionDefinition("Redact", "Redact(attribute or value)", 1, 1, () => new RedactFunction()),
            new FunctionDefinition("RemoveDuplicates", "RemoveDuplicates(attribute)", 1, 1, () => new RemoveDuplicatesFunction()),
            new FunctionDefinition("Replace",
                "Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template)", 7, 7,
                () => new ReplaceFunction()),
            new FunctionDefinition("Split", "Split(source, delimiter)", 2, 2, () => new SplitFunction()),
            new FunctionDefinition("StripSpaces", "StripSpaces(source)", 1, 1, () => new StripSpacesFunction()),
            new FunctionDefinition("Switch", "Switch(source, defaultValue, key1, value1, key2, value2, …)", 4, Many, () => new SwitchFunction()),
            new FunctionDefinition("ToLower", "ToLower(source, culture)", 1, 2, () => new ChangeCaseFunction(upper: false)),
            new FunctionDefinition("ToUpper", "ToUpper(source, culture)", 1, 2, () => new ChangeCaseFunction(upper: true)),
            new FunctionDefinition("Word", "Word(String, WordNumber, Delimiters)", 3, 3, () => new WordFunction()));

        /// <summary>Functions whose value is not a function of the source object (time, randomness).</summary>
        public static readonly ISet<string> Volatile = new HashSet<string>(StringComparer.Ordinal) { "Now", "Guid", "RandomString" };

        private static IReadOnlyDictionary<string, FunctionDefinition> Build(params FunctionDefinition[] definitions)
        {
            var map = new Dictionary<string, FunctionDefinition>(StringComparer.Ordinal);
            foreach (var d in definitions) map.Add(d.Name, d);
            return map;
        }
    }
}
