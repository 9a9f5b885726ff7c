//! The analyst's preferences: theme, text size, default dossier folder, the panel sizes last used and
//! whether the first-run strip was dismissed. Kept per user (not per dossier folder) in
//! `$XDG_CONFIG_HOME/dossier/preferences.ron` (or `~/.config/dossier/`), written on a worker thread
//! whenever they change; the Preferences window edits them.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};

use egui::{ComboBox, Slider, TextEdit};
use serde::{Deserialize, Serialize};

/// Light, dark, or as the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Self::System, Self::Light, Self::Dark];

    pub fn label(self) -> &'static str {
        match self {
            Self::System => "As the system",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }

    fn egui(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// The sizes of the resizable panels, in points.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PanelSizes {
    pub sidebar: f32,
    pub cards: f32,
    pub card_detail: f32,
    pub dossier: f32,
    pub dossier_notes: f32,
}

impl Default for PanelSizes {
    fn default() -> Self {
        Self { sidebar: 250.0, cards: 460.0, card_detail: 250.0, dossier: 280.0, dossier_notes: 260.0 }
    }
}

/// What the analyst chose, kept between sessions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub theme: Theme,
    /// Text size as a factor of egui's default sizes (1.0 = 100%).
    pub text_scale: f32,
    /// Where dossiers are kept when no `--dossier-dir` is given.
    pub dossier_dir: Option<String>,
    pub panels: PanelSizes,
    /// The "four steps" strip over the sample was dismissed.
    pub welcome_dismissed: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            theme: Theme::System,
            text_scale: 1.0,
            dossier_dir: None,
            panels: PanelSizes::default(),
            welcome_dismissed: false,
        }
    }
}

/// Whether a drag (of a panel divider, say) ended this frame: the moment to remember panel sizes.
pub fn resize_ended(ctx: &egui::Context) -> bool {
    ctx.input(|i| i.pointer.any_released())
}

/// Smallest and largest text size factors offered.
pub const TEXT_SCALES: std::ops::RangeInclusive<f32> = 0.8..=1.6;

impl Preferences {
    /// The default place of the preferences file, when the platform says where configuration goes.
    pub fn default_path() -> Option<PathBuf> {
        let config = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::home_dir().map(|home| home.join(".config")))?;
        Some(config.join("dossier").join("preferences.ron"))
    }

    /// The preferences in `path`; defaults when there is no file yet, and an error naming the file when
    /// it cannot be read (the defaults are used then too).
    pub fn load(path: &Path) -> (Self, Option<String>) {
        match std::fs::read_to_string(path) {
            Ok(text) => match ron::from_str(&text) {
                Ok(preferences) => (preferences, None),
                Err(e) => (Self::default(), Some(format!("Preferences in {} could not be read: {e}", path.display()))),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Self::default(), None),
            Err(e) => (Self::default(), Some(format!("Preferences in {} could not be read: {e}", path.display()))),
        }
    }

    /// Applies theme and text size to the window.
    pub fn apply(&self, ctx: &egui::Context) {
        ctx.set_theme(self.theme.egui());
        let scale = self.text_scale.clamp(*TEXT_SCALES.start(), *TEXT_SCALES.end());
        let base = egui::Style::default().text_styles;
        ctx.all_styles_mut(|style| {
            for (text_style, font) in &mut style.text_styles {
                if let Some(default) = base.get(text_style) {
                    font.size = default.size * scale;
                }
            }
        });
    }
}

/// Writes the preferences file on a worker thread; errors come back to be shown.
pub struct PreferencesWriter {
    path: Option<PathBuf>,
    errors_tx: Sender<String>,
    errors: Receiver<String>,
    /// What was last written (or loaded): nothing is written while it is unchanged.
    saved: Preferences,
}

impl PreferencesWriter {
    /// A writer for `path`; `None` keeps preferences in memory only (tests, benches).
    pub fn new(path: Option<PathBuf>, loaded: Preferences) -> Self {
        let (errors_tx, errors) = mpsc::channel();
        Self { path, errors_tx, errors, saved: loaded }
    }

    /// Writes `preferences` if they differ from what was last written.
    pub fn save(&mut self, preferences: &Preferences) {
        if *preferences == self.saved {
            return;
        }
        self.saved = preferences.clone();
        let Some(path) = self.path.clone() else {
            return;
        };
        let text = match ron::ser::to_string_pretty(preferences, ron::ser::PrettyConfig::default()) {
            Ok(text) => text,
            Err(e) => {
                let _ = self.errors_tx.send(format!("Could not write the preferences: {e}"));
                return;
            }
        };
        let tx = self.errors_tx.clone();
        let spawned = std::thread::Builder::new().name("preferences".to_owned()).spawn(move || {
            let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).map_err(anyhow::Error::from);
            if let Err(e) = written.and_then(|()| crate::store::write_atomic(&path, &text).map_err(Into::into)) {
                let _ = tx.send(format!("Could not write the preferences to {}: {e}", path.display()));
            }
        });
        if let Err(e) = spawned {
            let _ = self.errors_tx.send(format!("Could not write the preferences: {e}"));
        }
    }

    /// Errors from earlier writes.
    pub fn errors(&self) -> Vec<String> {
        self.errors.try_iter().collect()
    }
}

/// The Preferences window, while `open`. Changes apply at once.
pub fn preferences_ui(ctx: &egui::Context, open: &mut bool, preferences: &mut Preferences) {
    let before = preferences.clone();
    egui::Window::new("Preferences").open(open).collapsible(false).resizable(false).show(ctx, |ui| {
        egui::Grid::new("preferences_grid").num_columns(2).show(ui, |ui| {
            let label = ui.label("Theme");
            ComboBox::from_id_salt("theme")
                .selected_text(preferences.theme.label())
                .show_ui(ui, |ui| {
                    for theme in Theme::ALL {
                        ui.selectable_value(&mut preferences.theme, theme, theme.label());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Text size");
            ui.add(
                Slider::new(&mut preferences.text_scale, TEXT_SCALES)
                    .step_by(0.1)
                    .custom_formatter(|v, _| format!("{:.0}%", v * 100.0)),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Dossier folder");
            let mut folder = preferences.dossier_dir.clone().unwrap_or_default();
            let field = TextEdit::singleline(&mut folder).hint_text("dossiers").desired_width(260.0);
            if ui.add(field).labelled_by(label.id).changed() {
                preferences.dossier_dir = Some(folder.trim().to_owned()).filter(|f| !f.is_empty());
            }
            ui.end_row();
        });
        ui.label(
            egui::RichText::new("The dossier folder is used from the next start, unless --dossier-dir is given.")
                .weak()
                .small(),
        );
        if ui.button("Show the first-run steps again").clicked() {
            preferences.welcome_dismissed = false;
        }
    });
    if *preferences != before {
        preferences.apply(ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_round_trip_and_a_missing_file_gives_defaults() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("preferences.ron");
        assert_eq!(Preferences::load(&path), (Preferences::default(), None));
        let chosen = Preferences {
            theme: Theme::Dark,
            text_scale: 1.2,
            dossier_dir: Some("/tmp/d".into()),
            ..Default::default()
        };
        std::fs::write(&path, ron::ser::to_string_pretty(&chosen, Default::default())?)?;
        assert_eq!(Preferences::load(&path), (chosen, None));
        std::fs::write(&path, "(theme: Purple)")?;
        let (loaded, error) = Preferences::load(&path);
        assert_eq!(loaded, Preferences::default());
        assert!(error.is_some_and(|e| e.contains("preferences.ron")));
        Ok(())
    }
}
