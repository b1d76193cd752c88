// app/viewer.hpp: the viewer's one owner of state: the model and its pose, the camera, display settings and
// selection. Turns state into a gfx::FrameView and a ui::PanelInput each frame and applies input and UI intents.
#pragma once

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "app/audio.hpp"
#include "app/input_bindings.hpp"
#include "app/viewer_prefs.hpp"
#include "exercise/exercise_data.hpp"
#include "exercise/playback.hpp"
#include "exercise/session.hpp"
#include "exercise/timer.hpp"
#include "gfx/renderer.hpp"
#include "scene/bounds.hpp"
#include "scene/lod.hpp"
#include "scene/model.hpp"
#include "scene/picking.hpp"
#include "scene/structures.hpp"
#include "ui/atlas_panel.hpp"
#include "ui/exercise_panel.hpp"
#include "ui/panels.hpp"
#include "ui/safety_panel.hpp"
#include "view/camera.hpp"
#include "view/framing.hpp"
#include "view/labels.hpp"

namespace myo::app {

/// Colours of the atlas look (linear-ish RGB).
struct Palette {
  glm::vec3 skin{0.90f, 0.68f, 0.55f};
  glm::vec3 bone{0.90f, 0.86f, 0.76f};
  glm::vec3 muscleTarget{0.66f, 0.14f, 0.12f};
  glm::vec3 muscleContext{0.55f, 0.29f, 0.26f};
  glm::vec3 outlineTarget{1.0f, 0.80f, 0.28f};
  glm::vec3 outlineSelected{0.30f, 0.82f, 1.0f};
};

class Viewer {
public:
  explicit Viewer(ui::DisplaySettings display = {});

  /// Loads a model as the first one; throws core::Error when it cannot (nothing to fall back to).
  void loadInitial(const std::filesystem::path& path);
  /// Loads another model; on failure keeps the current one and records the error line for the panel.
  /// Returns true on success.
  bool tryLoad(const std::filesystem::path& path);

  /// Creates GPU resources for the current model; call with a current GL context.
  void attachRenderer(std::unique_ptr<gfx::Renderer> renderer);

  /// Loads the exercise file; throws core::Error when it cannot.
  void loadExercises(const std::filesystem::path& path);
  /// Selects an exercise by id (throws core::Error("--exercise", ...) when unknown), or -1 / "" for none.
  void selectExercise(const std::string& id);
  void selectExercise(int index);
  /// Puts the exercise clock at t seconds (paused), as --time does.
  void setExerciseTime(double seconds);
  /// Starts, pauses or resumes the exercise timer (the panel's button, or the space bar).
  void startPauseTimer();
  /// Turns the timer's tones on (the window does; pictures and tests stay silent).
  void enableTones();
  const exercise::TimerState exerciseState() const;

  /// Advances animation and camera transitions by dt seconds of wall time.
  void update(float dtSeconds);
  /// Puts the model's animation clock at t seconds.
  void setAnimationTime(float seconds);

  /// Waits until the current model's coarse lists are built and handed to the renderer (the benchmark does).
  void waitForCoarseLists();
  bool lastFrameCoarse() const { return renderer_ && renderer_->lastFrameCoarse(); }
  /// How interactive pictures may lose detail (budget, scale, rest time); `allowed` is set per render.
  gfx::Interaction& interaction() { return interaction_; }

  /// Renders the 3D view (into target, or the default framebuffer when nullptr). `interactive` (the window's
  /// view, the benchmark) lets the picture lose detail while things move when full pictures are slow
  /// (gfx::Interaction, the "coarse while moving" setting); the first such call for a model starts building its
  /// coarse triangle lists in the background. Saved pictures are never interactive.
  void render(glm::ivec2 size, gfx::OffscreenTarget* target, bool interactive = false);
  /// Adds the panels and labels to the current ImGui frame and applies what the user asked for.
  /// pixelsPerPoint: framebuffer pixels per ImGui unit (the HiDPI ratio; 1 when headless).
  void drawUi(float fps, const std::string& rendererInfo, float pixelsPerPoint = 1.0f);

  void setPreset(view::Preset preset);
  void frameModel();

  // === The coach view (the C key, a button, --coach): only with an exercise selected.
  void setCoachView(bool on) { coach_ = on; }
  void toggleCoachView() { coach_ = !coachView(); }
  bool coachView() const { return coach_ && exercise_ >= 0; }
  /// Where the exercise panel's (or the coach view's) controls were drawn in the last UI frame, points.
  const ui::ControlRects& controlRects() const { return controlRects_; }
  /// Where the main panel's primary controls were drawn in the last UI frame ("save picture", "panel").
  const ui::ControlRects& mainPanelRects() const { return mainRects_; }
  view::OrbitCamera& camera() { return camera_; }
  ui::DisplaySettings& display() { return display_; }

  // === Input (pixels, top-left origin)
  void pickAt(const glm::vec2& cursorPx, bool recenter);
  void select(int mesh);

  // === Atlas (viewer_atlas.cpp): search, layers, the info card, labels
  /// Search, peel depth, fade, x-ray and the card's state; the panels edit them, --search, --layer-depth,
  /// --xray and --fade-others set them.
  ui::AtlasSettings& atlas() { return atlas_; }
  /// The structures whose name matches text, best first (scene::searchStructures).
  std::vector<scene::SearchHit> search(std::string_view text) const;
  /// Selects the first structure matching text; false when none does.
  bool selectByName(std::string_view text);
  /// Turns the view to frame the selected structure (keeps the direction).
  void frameSelection();
  /// Each mesh's opacity as drawn now (0 when hidden or peeled): what picking and labels see through.
  std::vector<float> drawnOpacity() const;
  /// The labels of the last UI frame: the mesh each names, the leader's end on it and the text box (pixels).
  struct DrawnLabel {
    int mesh = -1;
    std::string text;
    glm::vec2 anchor{0.0f};
    view::PixelRect box;
  };
  const std::vector<DrawnLabel>& drawnLabels() const { return drawnLabels_; }
  /// The info card's rectangle in the last UI frame (pixels), when it was drawn.
  const std::optional<view::PixelRect>& cardRect() const { return cardRect_; }
  /// Shows or hides one mesh (the muscle list's check boxes).
  void setMeshVisible(int mesh, bool visible);

  const scene::Model& model() const { return model_; }
  const std::vector<glm::mat4>& world() const { return world_; }
  const std::optional<std::string>& error() const { return error_; }
  std::optional<std::string> takeScreenshotRequest();
  /// The file name for a video the exercise panel asked for ("Export video"), once.
  std::optional<std::string> takeVideoRequest();
  /// How far the video being written is (0..1), shown in the exercise panel; nullopt: none is.
  void setVideoProgress(std::optional<float> progress) { videoProgress_ = progress; }
  const std::filesystem::path& modelPath() const { return modelPath_; }
  /// The selected exercise's id, or nullopt for none.
  std::optional<std::string> exerciseId() const;
  /// A line the panel shows until the next one (where a picture was saved).
  void setNotice(std::string text) { notice_ = std::move(text); }

  /// Muscle kinds highlighted as targets (by default the three of the routine).
  std::vector<scene::MuscleKind> targets{scene::MuscleKind::Trapezius, scene::MuscleKind::RhomboidMajor,
                                         scene::MuscleKind::RhomboidMinor, scene::MuscleKind::LatissimusDorsi};

  // === Settings, history, the help overlay, About and the status line (viewer_prefs.cpp)
  /// Does what a key of the key table does (input_bindings.hpp); the window looks keys up there.
  void apply(Action action);
  /// Ctrl+Q was pressed: the window closes.
  bool quitRequested() const { return prefs_.quit; }
  /// A line shown at the bottom of the window for a few seconds (where a picture was saved ...).
  void postStatus(std::string text, bool problem = false);
  /// Opens one of the extra windows (--show).
  void showPanel(ShowPanel panel);
  /// Takes the display, timer and body weight settings (the window applies the size and the panel layout).
  void applySettings(const Settings& settings);
  /// The settings as they are now (window size and panel layout left at their defaults for the window to fill).
  Settings currentSettings() const;
  /// Where the settings are kept, and the problem reading them (shown in the Settings window).
  void useSettingsFile(std::optional<std::filesystem::path> file, std::optional<std::string> problem);
  /// Reads the history from `file`; with `write`, each completed or stopped run of the timer is appended to it.
  void useHistory(std::optional<std::filesystem::path> file, bool write);
  /// Ends the timer's current run as a stopped session (saved when it has work); the window does on closing.
  void finishRun();
  /// The Settings window's "Reset all settings": every setting back to its default, the panels to their first
  /// places, a status line; takeSettingsReset() then tells the window to take its first size again.
  void resetSettings();
  /// The settings were reset since the last call.
  bool takeSettingsReset();
  const PrefsState& prefs() const { return prefs_; }
  /// For the pressure estimate, kg.
  double bodyWeightKg() const { return safety_.bodyWeightKg; }

  gfx::FrameView frameView(glm::ivec2 size) const;
  /// The attached renderer (nullptr before attachRenderer), for the benchmark's floor and pass timings.
  gfx::Renderer* renderer() { return renderer_.get(); }
  ui::PanelInput panelInput() const;

  // === Coverage painted on the muscles, safety zones, pressure (viewer_overlay.cpp)
  /// Whether the zones are drawn, and the body weight of the pressure estimate: plain values to save.
  ui::SafetySettings& safety() { return safety_; }
  /// The pressure under the tool and the zone the contact is in, now.
  ui::SafetyReadout safetyReadout() const;
  /// The overlay layers of the main view and of the inset, for the current pose and clock.
  const gfx::OverlayView& overlayView() const { return overlayView_; }
  /// Draws the exercise panel's "worked this set" inset now (the targets standing, seen from behind, with the
  /// worked area painted) and returns its RGBA8 pixels, rows top to bottom, of insetSize(); empty without an
  /// exercise or a renderer.
  std::vector<unsigned char> renderCoverageInset();
  glm::ivec2 insetSize() const;

private:
  ui::SafetySettings safety_;
  struct OverlayCache;
  std::shared_ptr<OverlayCache> overlayCache_;  ///< what the overlays were computed from (reset with the model)
  gfx::OverlayView overlayView_;
  gfx::OverlayView insetOverlay_;
  void updateOverlays();

  void adopt(scene::Model model, std::filesystem::path path);
  void updatePose();
  bool isTarget(int mesh) const;
  bool meshVisible(int mesh) const;
  void drawLabels(float pixelsPerPoint);
  void updateLabelAnchors();
  ui::AtlasSettings atlas_;
  std::optional<glm::vec3> selectedPoint_;  ///< where the selection was clicked (world), else its centre
  std::optional<view::PixelRect> cardRect_;
  std::vector<DrawnLabel> drawnLabels_;
  ui::AtlasInput atlasInput() const;
  void drawAtlasCard(float pixelsPerPoint, ui::AtlasIntents& intents);
  /// Where labels and the card go: the model's middle x on the picture and half its width (ImGui units).
  std::pair<float, float> modelColumns(float pixelsPerPoint) const;
  void applyAtlasIntents(const ui::AtlasIntents& intents);
  /// Changes a structure's look for the atlas: peeled layers hidden, fade others, x-ray, the selection tinted.
  void atlasLook(int mesh, gfx::MeshDraw& d) const;

  struct LabelAnchor {
    scene::MuscleKind kind;
    scene::Side side;
    glm::vec3 centroid;  ///< of the group's posed vertices
    glm::vec3 point;     ///< where the line of sight meets the group (for the current view)
    int mesh;
  };
  std::vector<LabelAnchor> labelAnchors_;
  std::vector<bool> labelSeen_;
  glm::mat4 labelViewKey_{0.0f};   ///< the view the label visibility was computed for
  glm::mat4 labelLastView_{0.0f};  ///< the previous frame's view
  std::vector<float> labelOpacityKey_;  ///< the drawn opacities the label visibility was computed for
  std::vector<view::PixelRect> labelBody_;  ///< where the model is drawn, for that view (ImGui units)

  scene::Model model_;
  std::filesystem::path modelPath_;
  std::vector<glm::mat4> world_;
  std::vector<bool> hidden_;
  int selected_ = -1;
  glm::vec3 center_{0.0f};
  float radius_ = 1.0f;
  float floorY_ = 0.0f;
  glm::vec3 roiCenter_{0.0f};  ///< what the view presets frame: the muscles, or the whole model
  float roiRadius_ = 1.0f;
  std::uint64_t poseVersion_ = 0;
  scene::Bounds targetBounds_;  ///< world box of what may be outlined (for the pose it was computed for)
  void updateOutlineBounds();
  scene::PosedGeometry posed_;  ///< CPU copy of the posed vertices for picking and labels
  bool posedDirty_ = true;
  const scene::PosedGeometry& posed();
  int triangles_ = 0;
  float animTime_ = 0.0f;
  std::optional<std::string> error_;
  std::optional<std::string> notice_;
  bool screenshotRequested_ = false;
  int screenshotCount_ = 0;
  bool videoRequested_ = false;
  int videoCount_ = 0;
  std::optional<float> videoProgress_;

  ui::DisplaySettings display_;
  Palette palette_;
  view::OrbitCamera camera_;
  std::unique_ptr<gfx::Renderer> renderer_;
  bool uploaded_ = false;
  gfx::Interaction interaction_;
  bool coarseStarted_ = false;                ///< the uploaded model's coarse lists are built or being built
  std::future<scene::ModelLod> coarseLists_;  ///< being built for the uploaded model
  void takeCoarseLists(bool wait);
  // The "worked this set" inset: its own renderer, so its rest pose stays cached beside the exercise pose.
  std::unique_ptr<gfx::Renderer> insetRenderer_;
  gfx::OffscreenTarget inset_;
  std::vector<glm::mat4> restWorld_;  ///< node transforms as loaded (cached; cleared with a new model)
  const std::vector<glm::mat4>& restWorld();
  bool insetWanted_ = false;  ///< the panels showed the inset in the last frame
  void renderInset();

  // The exercise being shown: its data and its session (timer, motion, intents); the frame last drawn.
  std::optional<exercise::ExerciseSet> exercises_;
  std::optional<std::string> exercisesError_;
  int exercise_ = -1;
  std::optional<exercise::Session> session_;
  std::optional<exercise::MotionFrame> motion_;
  std::uint64_t motionVersion_ = 0;
  void updateMotion();

  // The exercise camera (viewer_camera.cpp): each timer segment framed on the posed body and its tools.
  struct SegmentFrame {
    std::vector<glm::vec3> points;  ///< posed body vertices and tool corners over the segment, world
    view::BodyAxes axes;            ///< the body's directions halfway through
    float towardBack = view::kTargetTowardBack;  ///< the Target view's turn toward the body's back
  };
  std::vector<std::optional<SegmentFrame>> segmentFrames_;  ///< per plan segment, filled when first shown
  view::Preset exercisePreset_ = view::Preset::Target;
  int framedSegment_ = -1;
  glm::ivec2 framedViewport_{0};
  view::PixelRect framedArea_;
  std::optional<view::CameraPose> framedGoal_;  ///< the pose the exercise camera last went to
  std::vector<view::PixelRect> panelRects_;    ///< the panels of the last UI frame, pixels
  int segmentAt(double t) const;
  const SegmentFrame& segmentFrame(int segment);
  view::PixelRect freePictureArea() const;
  /// The pose framing segment `segment` from the current preset (or the given angles).
  view::CameraPose exerciseFraming(int segment, std::optional<view::ViewAngles> angles = std::nullopt);
  /// Frames the current segment when it, the picture or the free area changed, or when `reframe`.
  void followExercise(bool reframe);
  void frameExercise();
  void readPanelRects(float pixelsPerPoint);
  /// Forgets the framed segments (the plan's durations changed).
  void resetExerciseFraming();
  std::unique_ptr<Tones> tones_;
  bool coach_ = false;
  ui::ControlRects controlRects_;
  ui::ControlRects mainRects_;
  void applyExerciseIntents(const ui::ExerciseIntents& intents);

  // Settings, history, help and About (viewer_prefs.cpp).
  PrefsState prefs_;
  void drawPrefsUi();
  void tickPrefs(float dt);
  /// The timer ran from `before` to its current time: counted for the history; a run that reached the end is saved.
  void noteTimerRan(double before);
  /// The remembered speed, work time and sets, given to a new session.
  void applyTimerChoices();
  void rememberTimerChoices(const ui::ExerciseIntents& intents);
};

}  // namespace myo::app
