// An interactive host for the confirmation and help-example tests: ShouldProcess's prompt reaches PromptForChoice here, which records
// it, signals the test, and holds the answer back until the test says so, as a user who waits at the prompt would.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Threading;

namespace BittensorPowTests
{
    public sealed class PromptingHost : PSHost
    {
        private readonly PromptingHostUI _ui = new PromptingHostUI();
        private readonly Guid _id = Guid.NewGuid();

        public PromptingHostUI Prompts { get { return _ui; } }
        public override PSHostUserInterface UI { get { return _ui; } }
        public override string Name { get { return "PromptingHost"; } }
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

    public sealed class PromptingHostUI : PSHostUserInterface
    {
        private readonly ConcurrentQueue<string> _asked = new ConcurrentQueue<string>();
        private readonly ManualResetEventSlim _prompted = new ManualResetEventSlim(false);
        private readonly ManualResetEventSlim _answer = new ManualResetEventSlim(false);

        /// <summary>Each prompt's caption and message, in the order asked.</summary>
        public string[] Asked { get { return _asked.ToArray(); } }

        /// <summary>Waits until the first prompt has been shown; false when none came in time.</summary>
        public bool WaitForPrompt(int milliseconds) { return _prompted.Wait(milliseconds); }

        /// <summary>Lets every prompt, now and later, be answered Yes.</summary>
        public void Answer() { _answer.Set(); }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            _asked.Enqueue(caption + ": " + message);
            _prompted.Set();
            // A test that never answers must not hang the run: after a minute the answer is No.
            bool answered = _answer.Wait(TimeSpan.FromMinutes(1));
            // Yes, or the affirmative choice of a prompt that names its action (New-BittensorWallet's "&Show").
            for (int i = 0; i < choices.Count; i++)
            {
                string label = choices[i].Label;
                if (answered ? label == "&Yes" || label == "&Show" : label == "&No" || label == "&Cancel") return i;
            }
            throw new InvalidOperationException("The prompt offered no " + (answered ? "Yes" : "No") + " choice.");
        }

        public override PSHostRawUserInterface RawUI { get { return null; } }
        /// <summary>The password every SecureString field is given (a user typing the same one each time it is asked).</summary>
        public const string Password = "example password";

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        {
            _asked.Enqueue(caption + ": " + message);
            var answers = new Dictionary<string, PSObject>();
            foreach (var field in descriptions)
            {
                if (field.ParameterTypeFullName != typeof(SecureString).FullName)
                    throw new NotSupportedException("Only choices and passwords are answered here.");
                var secret = new SecureString();
                foreach (char c in Password) secret.AppendChar(c);
                answers[field.Name] = new PSObject(secret);
            }
            return answers;
        }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
        { throw new NotSupportedException("Only PromptForChoice is answered here."); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        { throw new NotSupportedException("Only PromptForChoice is answered here."); }
        public override string ReadLine() { throw new NotSupportedException("Only PromptForChoice is answered here."); }
        public override SecureString ReadLineAsSecureString() { throw new NotSupportedException("Only PromptForChoice is answered here."); }
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
    }
}
