// app/viewer.cpp: state -> frame and panel snapshots; input and intents -> state.
#include "app/viewer.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>

#include "core/error.hpp"
#include "scene/animation.hpp"
#include "scene/bounds.hpp"
#include "scene/draw_limits.hpp"
#include "scene/gltf_loader.hpp"
#include "scene/muscle_names.hpp"
#include "scene/picking.hpp"
#include "scene/skinning.hpp"

namespace myo::app {
namespace {

std::string thousands(long long n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

Viewer::Viewer(ui::DisplaySettings display) : display_(display) { camera_.setTransitionSeconds(0.35f); }

void Viewer::loadInitial(const std::filesystem::path& path) { adopt(scene::loadGltf(path), path); }

bool Viewer::tryLoad(const std::filesystem::path& path) {
  try {
    adopt(scene::loadGltf(path), path);
    error_.reset();
    return true;
  } catch (const core::Error& e) {
    error_ = core::errorLine(e);
  } catch (const std::exception& e) {
    error_ = core::errorLine(core::Error(path.string(), e.what()));
  }
  std::fprintf(stderr, "%s\n", error_->c_str());
  return false;
}

void Viewer::adopt(scene::Model model, std::filesystem::path path) {
  model_ = std::move(model);
  overlayCache_.reset();  // viewer_overlay.cpp
  modelPath_ = std::move(path);
  notice_ = scene::jointLimitNote(model_);  // what the renderer cannot pose, said in the panel
  hidden_.assign(model_.meshes.size(), false);
  restWorld_.clear();
  selected_ = -1;
  selectedPoint_.reset();
  animTime_ = 0.0f;
  triangles_ = 0;
  for (const auto& m : model_.meshes)
    for (const auto& p : m.primitives) triangles_ += int(p.indices.size() / 3);
  updatePose();
  const scene::Bounds b = scene::modelBounds(model_, world_);
  center_ = b.center();
  radius_ = std::max(b.radius(), 1e-3f);
  floorY_ = b.min.y;
  // Views open on the anatomy of interest: the recognised muscles with some air, or the whole model.
  const scene::Bounds muscles =
      scene::modelBounds(model_, world_, [&](int mesh) { return !model_.roles[size_t(mesh)].muscle.valid(); });
  roiCenter_ = muscles.empty() ? center_ : muscles.center();
  roiRadius_ = muscles.empty() ? radius_ : std::max(muscles.radius() * 1.15f, 1e-3f);
  updateOutlineBounds();
  camera_.setSceneBounds(center_, radius_ * 3.0f);
  uploaded_ = false;
  const float saved = 0.0f;
  camera_.setTransitionSeconds(saved);
  camera_.setPreset(view::Preset::Back, roiCenter_, roiRadius_);
  camera_.setTransitionSeconds(0.35f);
  updateLabelAnchors();
  if (exercise_ >= 0) selectExercise(exercise_);  // paths come from the new model's own muscles
}

void Viewer::updateOutlineBounds() {
  // Everything that may be outlined: the targets and any selectable mesh (selection outlines too).
  targetBounds_ = scene::modelBounds(model_, world_, [&](int mesh) {
    const auto& r = model_.roles[size_t(mesh)];
    return r.tissue == scene::TissueKind::Skin || r.tissue == scene::TissueKind::Bone;
  });
}

void Viewer::attachRenderer(std::unique_ptr<gfx::Renderer> renderer) {
  renderer_ = std::move(renderer);
  insetRenderer_.reset();
  uploaded_ = false;
}

void Viewer::updatePose() {
  if (motion_) {
    world_ = motion_->world;
    ++poseVersion_;
    posedDirty_ = true;
    return;
  }
  std::vector<glm::mat4> local;
  if (!model_.animations.empty() && display_.playAnimation) {
    const auto& anim = model_.animations.front();
    const float t = anim.duration > 0.0f ? std::fmod(animTime_, anim.duration) : 0.0f;
    local = scene::animatedLocalTransforms(model_, 0, t);
  } else {
    local = scene::localTransforms(model_);
  }
  world_ = scene::worldTransforms(model_, local);
  ++poseVersion_;
  posedDirty_ = true;
}

const scene::PosedGeometry& Viewer::posed() {
  // Posed lazily: an animated model re-poses every frame, but only picking and labels need the CPU copy.
  if (posedDirty_) {
    posed_ = scene::poseGeometry(model_, world_);
    posedDirty_ = false;
  }
  return posed_;
}

void Viewer::loadExercises(const std::filesystem::path& path) {
  exercises_ = exercise::loadExercises(path);
  exercisesError_.reset();
  selectExercise(-1);
}

void Viewer::selectExercise(const std::string& id) {
  if (!exercises_) return;
  if (id.empty()) {
    selectExercise(-1);
    return;
  }
  const exercise::Exercise& ex = exercises_->find(id);
  selectExercise(int(&ex - exercises_->exercises.data()));
}

void Viewer::selectExercise(int index) {
  finishRun();  // history: the run of the previous exercise stops here
  exercise_ = (exercises_ && index >= 0 && index < int(exercises_->exercises.size())) ? index : -1;
  if (exercise_ < 0) coach_ = false;  // anatomy only: the panels come back
  session_.reset();
  motion_.reset();
  motionVersion_ = 0;
  targets = {scene::MuscleKind::Trapezius, scene::MuscleKind::RhomboidMajor, scene::MuscleKind::RhomboidMinor,
             scene::MuscleKind::LatissimusDorsi};
  if (exercise_ < 0) return;
  const auto& ex = exercises_->exercises[size_t(exercise_)];
  targets = ex.targets;
  session_.emplace(model_, ex);
  applyTimerChoices();
  updateMotion();
  frameExercise();
}

void Viewer::updateMotion() {
  if (!session_) {
    if (motion_) {
      // Back to the model as loaded, seen from behind.
      motion_.reset();
      updatePose();
      updateOutlineBounds();
      updateLabelAnchors();
      camera_.setSceneBounds(center_, radius_ * 3.0f);
      setPreset(view::Preset::Back);
    }
    return;
  }
  const std::uint64_t version = session_->frameVersion();
  if (motion_ && version == motionVersion_) return;
  motionVersion_ = version;
  motion_ = session_->frame();
  world_ = motion_->world;
  ++poseVersion_;
  posedDirty_ = true;
  targetBounds_ = scene::Bounds{};  // the body moves every frame: outline the whole view
  followExercise(false);
}

void Viewer::setExerciseTime(double seconds) {
  if (session_) session_->scrub(seconds);
  updateMotion();
}

void Viewer::startPauseTimer() {
  if (session_) session_->startPause();
}

void Viewer::enableTones() {
  if (!tones_) tones_ = std::make_unique<Tones>();
}

const exercise::TimerState Viewer::exerciseState() const {
  return session_ ? session_->state() : exercise::TimerState{};
}

void Viewer::applyExerciseIntents(const ui::ExerciseIntents& in) {
  if (in.select) selectExercise(*in.select);
  if (!session_) return;
  if (in.startPause) session_->startPause();
  if (in.skip) session_->skip();
  if (in.restart) {
    finishRun();
    session_->restart();
  }
  if (in.scrub) session_->scrub(*in.scrub);
  if (in.speed) session_->setSpeed(*in.speed);
  if (in.workS) session_->setWorkS(*in.workS);
  if (in.sets) session_->setSets(*in.sets);
  if (in.workS || in.sets) resetExerciseFraming();  // the segments changed
  rememberTimerChoices(in);
  updateMotion();
}

void Viewer::update(float dt) {
  camera_.update(dt);
  tickPrefs(dt);
  if (session_) {
    const double before = session_->elapsed();
    for (const auto& cue : session_->advance(dt)) {
      if (!tones_) continue;
      if (cue.kind == exercise::CueKind::Tick) tones_->tick();
      else tones_->phaseEnd();
    }
    noteTimerRan(before);
    updateMotion();
  }
  if (!model_.animations.empty() && display_.playAnimation && !motion_) {
    animTime_ += dt;
    updatePose();
    targetBounds_ = scene::Bounds{};  // the pose changes every frame: no outline box to confine the pass to
  }
}

void Viewer::setAnimationTime(float seconds) {
  animTime_ = seconds;
  updatePose();
  updateOutlineBounds();
  updateLabelAnchors();
}

bool Viewer::isTarget(int mesh) const {
  const auto& role = model_.roles[size_t(mesh)];
  return role.tissue == scene::TissueKind::Muscle &&
         std::find(targets.begin(), targets.end(), role.muscle.kind) != targets.end();
}

bool Viewer::meshVisible(int mesh) const {
  if (hidden_[size_t(mesh)]) return false;
  const auto& role = model_.roles[size_t(mesh)];
  if (scene::peeled(scene::layerOf(role), atlas_.layerDepth)) return false;  // the atlas' layer depth
  if (display_.isolate && selected_ >= 0)
    return mesh == selected_ || role.tissue == scene::TissueKind::Bone;
  switch (role.tissue) {
    case scene::TissueKind::Skin: return display_.skin != ui::SkinMode::Hidden;
    case scene::TissueKind::Bone: return display_.bones;
    case scene::TissueKind::Muscle:
    case scene::TissueKind::Tendon: return isTarget(mesh) || mesh == selected_ || display_.contextMuscles;
    default: return true;
  }
}

gfx::FrameView Viewer::frameView(glm::ivec2 size) const {
  gfx::FrameView f;
  f.size = size;
  f.view = camera_.viewMatrix();
  f.projection = camera_.projectionMatrix();
  f.eye = camera_.eye();
  f.focusDistance = glm::distance(camera_.eye(), camera_.target());
  f.model = &model_;
  f.world = &world_;
  f.poseVersion = poseVersion_;
  if (!targetBounds_.empty()) f.outlineBounds = std::make_pair(targetBounds_.min, targetBounds_.max);
  f.fibres = display_.fibres;
  f.floor = display_.floor;
  f.floorCenter = glm::vec3(center_.x, floorY_, center_.z);
  f.floorRadius = radius_ * 2.2f;
  f.modelRadius = radius_;
  const bool deepTarget =
      motion_ && std::find(targets.begin(), targets.end(), scene::MuscleKind::Trapezius) == targets.end();
  if (motion_) {
    // Exercise frame: the floor is y = 0 and the body lies, leans or sits around the equipment.
    f.floorCenter = glm::vec3(motion_->toolPosition.x, 0.0f, motion_->toolPosition.z);
    f.floorRadius = std::max(radius_ * 2.0f, 2.0f);
    for (const auto& tool : motion_->tools) {
      gfx::ShapeDraw shape;
      shape.kind = tool.kind == exercise::ToolShape::Kind::Cylinder ? gfx::ShapeDraw::Kind::Cylinder
                   : tool.kind == exercise::ToolShape::Kind::Sphere ? gfx::ShapeDraw::Kind::Sphere
                                                                    : gfx::ShapeDraw::Kind::Box;
      shape.transform = tool.transform;
      shape.color = tool.colour;
      shape.stripes = tool.role == "roller";
      shape.rounding = tool.rounding;
      // The wall and the backrest stand where the worked muscle is: they are drawn see-through.
      if (tool.role == "wall" || tool.role == "chair-back") shape.color.w = 0.35f;
      f.shapes.push_back(shape);
    }
    // The worked area is painted by the overlay pass (f.overlay), triangle for triangle as the coverage counts.
    if (motion_->contact) {
      f.paint.coverRadius = float(motion_->contact->radius);
      if (motion_->contact->pressed) f.paint.contact = motion_->contact->restPoint;
      f.paint.contactRadius = float(motion_->contact->radius) * 1.3f;
    }
  }
  f.meshes.resize(model_.meshes.size());
  for (size_t i = 0; i < model_.meshes.size(); ++i) {
    auto& d = f.meshes[i];
    const auto& role = model_.roles[i];
    d.visible = meshVisible(int(i));
    const bool selected = int(i) == selected_;
    switch (role.tissue) {
      case scene::TissueKind::Skin:
        d.look = gfx::Look::Skin;
        d.color = glm::vec4(palette_.skin, display_.skin == ui::SkinMode::Faded ? display_.skinOpacity : 1.0f);
        break;
      case scene::TissueKind::Bone:
        d.look = gfx::Look::Bone;
        d.color = glm::vec4(palette_.bone, 1.0f);
        break;
      case scene::TissueKind::Muscle:
      case scene::TissueKind::Tendon: {
        d.look = gfx::Look::Muscle;
        const bool target = isTarget(int(i));
        d.color = glm::vec4(target ? palette_.muscleTarget : palette_.muscleContext, 1.0f);
        // Slightly different reds per muscle so neighbours read apart, as on a printed plate.
        const float shade = scene::muscleShade(role.muscle);
        d.color = glm::vec4(glm::vec3(d.color) * shade, 1.0f);
        d.highlight = target ? 0.55f : 0.0f;
        d.paint = target && motion_.has_value();
        // With the deep rhomboids as the target, the trapezius over them fades.
        if (deepTarget && role.muscle.kind == scene::MuscleKind::Trapezius) d.color.w = 0.3f;
        d.outline = display_.outlines && (target || selected);
        d.outlineColor = selected ? palette_.outlineSelected : palette_.outlineTarget;
        d.glowColor = selected ? palette_.outlineSelected : palette_.outlineTarget;
        if (selected) d.highlight = 0.8f;
        break;
      }
      default:
        d.look = gfx::Look::Material;
        d.color = glm::vec4(1.0f);
        d.outline = selected;
        d.outlineColor = palette_.outlineSelected;
        break;
    }
    atlasLook(int(i), d);
  }
  return f;
}

void Viewer::takeCoarseLists(bool wait) {
  if (!coarseLists_.valid() || !renderer_) return;
  if (!wait && coarseLists_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  renderer_->setCoarseLists(coarseLists_.get());
}

void Viewer::waitForCoarseLists() { takeCoarseLists(true); }

void Viewer::render(glm::ivec2 size, gfx::OffscreenTarget* target, bool interactive) {
  if (!renderer_) return;
  if (!uploaded_) {
    renderer_->setModel(model_);
    insetRenderer_.reset();
    uploaded_ = true;
    coarseStarted_ = false;
    coarseLists_ = {};  // an older model's lists (waits for them if still being built)
  }
  if (interactive && display_.coarseWhileMoving && !coarseStarted_) {
    coarseStarted_ = true;
    // The simplifier needs positions and triangles only, and works on its own copy of them.
    scene::Model shape;
    shape.roles = model_.roles;
    for (const auto& m : model_.meshes) {
      auto& copy = shape.meshes.emplace_back();
      for (const auto& p : m.primitives) {
        auto& q = copy.primitives.emplace_back();
        q.positions = p.positions;
        q.indices = p.indices;
      }
    }
    coarseLists_ = std::async(std::launch::async, [shape = std::move(shape)] { return scene::buildLod(shape); });
  }
  takeCoarseLists(false);
  camera_.setViewport(size.x, size.y);
  followExercise(false);  // a new picture size frames the body again
  updateOverlays();  // viewer_overlay.cpp
  if (motion_ && insetWanted_) {
    // The inset's own renderer is made the first time an exercise is shown with the panels.
    if (!insetRenderer_) {
      insetRenderer_ = std::make_unique<gfx::Renderer>();
      insetRenderer_->setModel(model_);
    }
    renderInset();
  }
  gfx::FrameView f = frameView(size);
  f.overlay = overlayView_;
  f.interaction = interaction_;
  f.interaction.allowed = interactive && display_.coarseWhileMoving;
  renderer_->render(f, target);
}

void Viewer::renderInset() {
  // The target muscles standing, seen from behind, painted with this set's coverage: the worked area that the
  // floor, the wall or the backrest hide in the main view.
  const glm::ivec2 size = insetSize();
  view::OrbitCamera cam;
  cam.setViewport(size.x, size.y);
  const scene::Bounds b = scene::modelBounds(model_, restWorld(), [&](int mesh) { return !isTarget(mesh); });
  if (b.empty()) return;
  cam.setSceneBounds(b.center(), b.radius() * 3.0f);
  cam.setPreset(view::Preset::Back, b.center(), b.radius() * 0.9f);
  gfx::FrameView f = frameView(size);
  f.view = cam.viewMatrix();
  f.projection = cam.projectionMatrix();
  f.eye = cam.eye();
  f.world = &restWorld_;
  f.poseVersion = 0;
  f.shapes.clear();
  f.floor = false;
  f.samples = 2;
  f.outlineBounds = std::make_pair(b.min, b.max);
  for (size_t i = 0; i < f.meshes.size(); ++i) {
    auto& d = f.meshes[i];
    const auto tissue = model_.roles[i].tissue;
    if (tissue == scene::TissueKind::Skin) d.visible = false;
  }
  f.overlay = insetOverlay_;
  insetRenderer_->render(f, &inset_);
}

glm::ivec2 Viewer::insetSize() const { return {220, 240}; }

const std::vector<glm::mat4>& Viewer::restWorld() {
  if (restWorld_.size() != model_.nodes.size())
    restWorld_ = scene::worldTransforms(model_, scene::localTransforms(model_));
  return restWorld_;
}

ui::PanelInput Viewer::panelInput() const {
  ui::PanelInput in;
  in.modelPath = modelPath_.string();
  in.modelSummary = fmt::format("{} meshes, {} triangles, {} skin{}, {} animation{}", model_.meshes.size(),
                                thousands(triangles_), model_.skins.size(), model_.skins.size() == 1 ? "" : "s",
                                model_.animations.size(), model_.animations.size() == 1 ? "" : "s");
  in.error = error_;
  in.notice = notice_;
  in.hasAnimation = !model_.animations.empty();
  for (size_t i = 0; i < model_.meshes.size(); ++i) {
    const auto& role = model_.roles[i];
    if (!role.muscle.valid()) continue;
    in.muscles.push_back({int(i), scene::muscleDisplayName(role.muscle), isTarget(int(i)), !hidden_[i]});
  }
  std::stable_sort(in.muscles.begin(), in.muscles.end(),
                   [](const ui::MuscleRow& a, const ui::MuscleRow& b) { return a.target > b.target; });
  in.selectedMesh = selected_;
  if (selected_ >= 0) {
    const auto& mesh = model_.meshes[size_t(selected_)];
    const auto& role = model_.roles[size_t(selected_)];
    auto extra = [&](const char* key) -> std::string {
      auto it = mesh.extras.find(key);
      return it == mesh.extras.end() ? std::string() : it->second;
    };
    in.selectedTitle = !extra("display_name").empty() ? extra("display_name")
                       : role.muscle.valid()           ? scene::muscleDisplayName(role.muscle)
                                                       : mesh.name;
    const std::pair<const char*, const char*> facts[] = {{"Origin", "origin"},
                                                         {"Insertion", "insertion"},
                                                         {"Action", "action"},
                                                         {"Nerve", "innervation"},
                                                         {"Blood supply", "blood_supply"}};
    for (const auto& [heading, key] : facts)
      if (auto text = extra(key); !text.empty()) in.selectedFacts.emplace_back(heading, text);
    if (in.selectedFacts.empty()) in.selectedFacts.emplace_back("Mesh", mesh.name);
  }
  return in;
}

void Viewer::drawUi(float fps, const std::string& rendererInfo, float pixelsPerPoint) {
  // The coach view replaces both panels: the timer large, the current step, the 3D view beside them.
  const bool coach = coachView();
  drawnLabels_.clear();
  ui::UiIntents intents;
  if (!coach) {
    ui::PanelInput in = panelInput();
    in.fps = fps;
    in.rendererInfo = rendererInfo;
    const ui::AtlasInput atlasIn = atlasInput();
    in.atlas = &atlasIn;
    in.atlasSettings = &atlas_;
    ui::drawMainPanel(in, display_, intents, &mainRects_);

    if (intents.preset) setPreset(*intents.preset);
    if (intents.frame) frameModel();
    if (intents.openPath) tryLoad(*intents.openPath);
    if (intents.select) select(*intents.select);
    if (intents.setVisible) setMeshVisible(intents.setVisible->first, intents.setVisible->second);
    if (intents.showAll) {
      std::fill(hidden_.begin(), hidden_.end(), false);
      display_.isolate = false;
      display_.contextMuscles = true;
    }
    if (intents.dismissError) error_.reset();
    if (intents.screenshot) screenshotRequested_ = true;
  }

  ui::ExercisePanelInput ein;
  ein.exercises = exercises_ ? &*exercises_ : nullptr;
  ein.exercisesError = exercisesError_;
  ein.selected = exercise_;
  ein.audio = !tones_ || tones_->available();  // only a window that asked for sound mentions its absence
  if (session_) {
    ein.state = session_->state();
    ein.speed = session_->speed();
    ein.workS = session_->workS();
    ein.sets = session_->sets();
    const auto& segments = session_->playback().plan().segments;
    const std::size_t next = std::size_t(ein.state.segment) + 1;
    if (next < segments.size() && segments[next].duration > 0.0) {
      ein.nextPhase = segments[next].phase;
      ein.nextSide = segments[next].side;
      ein.nextS = segments[next].duration;
    }
  }
  insetWanted_ = motion_.has_value() && !coach;  // pictures without panels skip the inset
  if (motion_) {
    ein.noTargets = motion_->targetMeshes.empty();
    if (insetRenderer_ && inset_.size().x > 0) {
      ein.insetTexture = inset_.textureId();
      ein.insetSize = glm::vec2(inset_.size());
    }
    if (motion_->timer.phase == exercise::Phase::Work) ein.coverage = motion_->coverage;
    if (motion_->contact && motion_->contact->pressed)
      for (int m : motion_->contact->meshes) ein.contactMuscles.push_back(scene::muscleDisplayName(model_.roles[size_t(m)].muscle));
  }
  ein.videoProgress = videoProgress_;
  ein.safety = safetyReadout();  // viewer_overlay.cpp
  ein.safetySettings = safety_;
  ui::drawZoneBanner(ein.safety);
  ui::ExerciseIntents eint;
  if (coach) ui::drawCoachView(ein, eint, &controlRects_);
  else ui::drawExercisePanel(ein, eint, &controlRects_);
  if (eint.exportVideo) videoRequested_ = true;
  if (eint.toggleCoach) toggleCoachView();
  readPanelRects(pixelsPerPoint);
  // The card and the labels keep clear of both panels as drawn in this frame.
  if (!coach) {
    drawAtlasCard(pixelsPerPoint, intents.atlas);
    if (display_.labels && !motion_) drawLabels(pixelsPerPoint);
    applyAtlasIntents(intents.atlas);
  }
  if (eint.safety) safety_ = *eint.safety;
  applyExerciseIntents(eint);
  drawPrefsUi();
}

std::optional<std::string> Viewer::takeVideoRequest() {
  if (!videoRequested_) return std::nullopt;
  videoRequested_ = false;
  return fmt::format("myorelease-{:03}.mp4", ++videoCount_);
}

std::optional<std::string> Viewer::exerciseId() const {
  if (!exercises_ || exercise_ < 0) return std::nullopt;
  return exercises_->exercises[size_t(exercise_)].id;
}

std::optional<std::string> Viewer::takeScreenshotRequest() {
  if (!screenshotRequested_) return std::nullopt;
  screenshotRequested_ = false;
  return fmt::format("myorelease-{:03}.png", ++screenshotCount_);
}

void Viewer::setPreset(view::Preset preset) {
  if (motion_) {
    // During an exercise the presets are relative to the posed body and frame it with its tools.
    exercisePreset_ = preset;
    followExercise(true);
    return;
  }
  if (preset == view::Preset::Target) {
    // Sphere around the visible target muscles.
    const scene::Bounds b = scene::modelBounds(model_, world_, [&](int mesh) { return !isTarget(mesh); });
    if (!b.empty()) {
      camera_.setPreset(preset, b.center(), b.radius());
      return;
    }
  }
  camera_.setPreset(preset, roiCenter_, roiRadius_);
}

void Viewer::frameModel() {
  if (motion_ && session_) {
    // Keep the direction, frame the posed body again.
    const int segment = segmentAt(session_->elapsed());
    if (segment >= 0) {
      camera_.glideTo(exerciseFraming(segment, view::ViewAngles{camera_.goal().yaw, camera_.goal().pitch}));
      framedGoal_ = camera_.goal();
      return;
    }
  }
  camera_.frame(center_, radius_);
}

void Viewer::setMeshVisible(int mesh, bool visible) {
  if (mesh >= 0 && mesh < int(hidden_.size())) hidden_[size_t(mesh)] = !visible;
}

void Viewer::select(int mesh) {
  const int before = selected_;
  selected_ = (mesh >= 0 && mesh < int(model_.meshes.size())) ? mesh : -1;
  if (selected_ != before) {
    selectedPoint_.reset();
    atlas_.cardOpen = true;
    atlas_.cardUnfolded = false;
  }
  if (selected_ < 0) display_.isolate = false;
}

void Viewer::pickAt(const glm::vec2& cursorPx, bool recenter) {
  const view::Ray ray = camera_.rayThrough(cursorPx);
  // What is drawn see-through (the faded skin, a faded trapezius, x-ray) lets clicks go to what lies under it.
  const std::vector<float> opacity = drawnOpacity();
  const auto hit = scene::pickSeen(model_, posed(), {ray.origin, ray.direction}, opacity);
  if (recenter) {
    if (hit) camera_.recenter(hit->point);
    return;
  }
  if (!hit) {
    select(-1);
    return;
  }
  const auto& role = model_.roles[size_t(hit->mesh)];
  if (session_ && session_->playback().triggerPoint() && role.muscle.valid() &&
      std::find(targets.begin(), targets.end(), role.muscle.kind) != targets.end()) {
    // Clicking a target muscle moves the ball's trigger point there (rest frame: the hit triangle's nearest
    // vertex).
    const auto& prim = model_.meshes[size_t(hit->mesh)].primitives[size_t(hit->primitive)];
    const auto& piece = *std::find_if(posed().pieces.begin(), posed().pieces.end(), [&](const auto& pc) {
      return pc.node == hit->node && pc.primitive == hit->primitive;
    });
    std::uint32_t best = prim.indices[size_t(hit->triangle) * 3];
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t v = prim.indices[size_t(hit->triangle) * 3 + size_t(k)];
      if (glm::length(piece.positions[v] - hit->point) < glm::length(piece.positions[best] - hit->point)) best = v;
    }
    const glm::vec3 rest = glm::vec3(restWorld()[size_t(hit->node)] *
                                     glm::vec4(prim.positions[best], 1.0f));
    session_->setTriggerPoint(rest);
    updateMotion();
  }
  select(role.muscle.valid() || role.tissue == scene::TissueKind::Other ? hit->mesh : -1);
  if (selected_ == hit->mesh) selectedPoint_ = hit->point;
}

}  // namespace myo::app
