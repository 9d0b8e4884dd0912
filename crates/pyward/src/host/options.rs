//! `RunOptions`: everything a run takes besides the program (limits, inputs, host functions,
//! OS policy, where printed output goes), built in builder style.

use std::fmt;

use super::data::Data;
use super::function::HostFunction;
use super::limits::Limits;
use super::policy::OsPolicy;

/// A callback that receives printed output as it is written.
pub type StdoutCallback = Box<dyn FnMut(&str) + Send>;

/// The settings of one run (or of a session).
///
/// ```
/// use pyward::{Data, HostFunction, Limits, RunOptions};
///
/// let options = RunOptions::new()
///     .limits(Limits::default())
///     .input("city", Data::Str("Paris".into()))
///     .function(HostFunction::new("weather").signature("(city: str) -> dict"));
/// # let _ = options;
/// ```
#[derive(Default)]
pub struct RunOptions {
    pub(crate) limits: Limits,
    pub(crate) inputs: Vec<(String, Data)>,
    pub(crate) functions: Vec<HostFunction>,
    pub(crate) policy: OsPolicy,
    pub(crate) on_stdout: Option<StdoutCallback>,
}

impl RunOptions {
    /// Default limits, no inputs, no host functions, the real OS policy, captured output.
    pub fn new() -> RunOptions {
        RunOptions::default()
    }

    /// Resource limits (for a session: duration, fuel, allocations and output per snippet,
    /// memory for the whole session).
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> RunOptions {
        self.limits = limits;
        self
    }

    /// A global variable the program sees (the name must be a Python identifier, not a
    /// keyword). A later input of the same name replaces an earlier one.
    #[must_use]
    pub fn input(mut self, name: impl Into<String>, value: impl Into<Data>) -> RunOptions {
        let name = name.into();
        self.inputs.retain(|(n, _)| *n != name);
        self.inputs.push((name, value.into()));
        self
    }

    /// Offer a host function to the program.
    #[must_use]
    pub fn function(mut self, function: HostFunction) -> RunOptions {
        self.functions.push(function);
        self
    }

    /// The OS policy: clock, sleep and random seeding.
    #[must_use]
    pub fn policy(mut self, policy: OsPolicy) -> RunOptions {
        self.policy = policy;
        self
    }

    /// Stream printed output to `callback` as it is written, instead of capturing it in
    /// `Outcome::stdout`.
    #[must_use]
    pub fn on_stdout(mut self, callback: impl FnMut(&str) + Send + 'static) -> RunOptions {
        self.on_stdout = Some(Box::new(callback));
        self
    }
}

impl From<Limits> for RunOptions {
    fn from(limits: Limits) -> RunOptions {
        RunOptions::new().limits(limits)
    }
}

impl fmt::Debug for RunOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RunOptions")
            .field("limits", &self.limits)
            .field("inputs", &self.inputs)
            .field("functions", &self.functions)
            .field("policy", &self.policy)
            .field("on_stdout", &self.on_stdout.is_some())
            .finish()
    }
}
