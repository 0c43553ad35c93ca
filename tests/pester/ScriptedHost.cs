// A host with a user interface that a test scripts: it records everything written to the screen (the only place a new
// mnemonic may go), answers PromptForChoice with a chosen label, and answers password prompts from a queue. Set
// Refuse to make every question throw as pwsh -NonInteractive does (PSInvalidOperationException, before writing).
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace BittensorPowTests
{
    public sealed class ScriptedHost : PSHost
    {
        private readonly ScriptedHostUI _ui = new ScriptedHostUI();
        private readonly Guid _id = Guid.NewGuid();

        public ScriptedHostUI Script { get { return _ui; } }
        public override PSHostUserInterface UI { get { return _ui; } }
        public override string Name { get { return "ScriptedHost"; } }
        public override Version Version { get { return new Version(1, 0); } }
        public override Guid InstanceId { get { return _id; } }
        public override CultureInfo CurrentCulture { get { return CultureInfo.InvariantCulture; } }
        public override CultureInfo CurrentUICulture { get { return CultureInfo.InvariantCulture; } }
        public override void EnterNestedPrompt() { throw new NotSupportedException(); }
        public override void ExitNestedPrompt() { throw new NotSupportedException(); }
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class ScriptedHostUI : PSHostUserInterface
    {
        private readonly StringBuilder _screen = new StringBuilder();
        private readonly List<string> _asked = new List<string>();
        private readonly Queue<string> _passwords = new Queue<string>();

        /// <summary>The label PromptForChoice answers with ("&amp;Show", "&amp;Cancel").</summary>
        public string Choice { get; set; }
        /// <summary>Every question throws, as pwsh -NonInteractive's console does.</summary>
        public bool Refuse { get; set; }
        /// <summary>All text written to the screen.</summary>
        public string Screen { get { lock (_screen) return _screen.ToString(); } }
        /// <summary>Every question's caption and message, in order.</summary>
        public string[] Asked { get { lock (_asked) return _asked.ToArray(); } }

        public ScriptedHostUI() { Choice = "&Show"; }

        public void AddPassword(string password) { lock (_passwords) _passwords.Enqueue(password); }

        private void Ask(string text)
        {
            if (Refuse)
                throw new PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");
            lock (_asked) _asked.Add(text);
        }

        private SecureString NextPassword()
        {
            string text;
            lock (_passwords)
            {
                if (_passwords.Count == 0) throw new InvalidOperationException("The test gave no password for this prompt.");
                text = _passwords.Dequeue();
            }
            var s = new SecureString();
            foreach (char c in text) s.AppendChar(c);
            return s;
        }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Ask(caption + ": " + message);
            for (int i = 0; i < choices.Count; i++)
                if (choices[i].Label == Choice) return i;
            throw new InvalidOperationException("The prompt offered no " + Choice + " choice.");
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        {
            Ask(caption + ": " + message);
            var answers = new Dictionary<string, PSObject>();
            foreach (var d in descriptions) answers[d.Name] = new PSObject(NextPassword());
            return answers;
        }

        public override SecureString ReadLineAsSecureString() { Ask("ReadLineAsSecureString"); return NextPassword(); }
        public override string ReadLine() { throw new NotSupportedException("The test host answers no free-text reads."); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
        { throw new NotSupportedException("The test host answers no credential prompts."); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        { throw new NotSupportedException("The test host answers no credential prompts."); }

        public override PSHostRawUserInterface RawUI { get { return null; } }
        private void Show(string text) { lock (_screen) _screen.Append(text); }
        public override void Write(string value) { Show(value); }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { Show(value); }
        public override void WriteLine(string value) { Show(value + "\n"); }
        public override void WriteErrorLine(string value) { Show(value + "\n"); }
        public override void WriteDebugLine(string message) { Show("DEBUG: " + message + "\n"); }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { Show("VERBOSE: " + message + "\n"); }
        public override void WriteWarningLine(string message) { Show("WARNING: " + message + "\n"); }
    }
}
