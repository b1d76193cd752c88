// mesh.vert: draws posed geometry (world-space positions and normals from pose.vert, u_model = identity) or a
// unit shape placed by u_model. Compiled per look with mesh.frag (MYO_LOOK, MYO_MARKED; without them, for the
// depth and flat passes, everything is passed on and the linker keeps what the fragment shader reads). Each
// output costs the rasteriser an interpolation per pixel, so a look passes on only what it shades with: the
// muscle look works out its striation's phase across the fibres here, from the rest-space position and fibre
// direction, and hands the fragment shader one number instead of both vectors; with MYO_VERTEX_LIGHT the
// lighting too (lighting.glsl).
#ifndef MYO_LOOK
#define MYO_LOOK 0
#define MYO_ALL_OUTPUTS 1
#endif
#ifndef MYO_MARKED
#define MYO_MARKED 1
#endif
#ifndef MYO_ALL_OUTPUTS
#define MYO_ALL_OUTPUTS 0
#endif
#ifndef MYO_VERTEX_LIGHT
#define MYO_VERTEX_LIGHT 0
#endif
// The rest-space position: the marks of a target (coverage, contact) and the material look's roller ribs.
#define MYO_REST_POSITION (MYO_ALL_OUTPUTS != 0 || MYO_MARKED != 0 || MYO_LOOK == 0)

layout(location = MYO_ATTR_POSITION) in vec3 a_position;
layout(location = MYO_ATTR_NORMAL) in vec3 a_normal;
layout(location = MYO_ATTR_UV) in vec2 a_uv;
layout(location = MYO_ATTR_COLOR) in vec4 a_color;
layout(location = MYO_ATTR_FIBRE) in vec3 a_fibre;
layout(location = MYO_ATTR_TENDON) in float a_tendon;
layout(location = MYO_ATTR_REST_POSITION) in vec3 a_restPosition;
layout(location = MYO_ATTR_REST_NORMAL) in vec3 a_restNormal;

uniform mat4 u_model;
uniform mat3 u_normalMatrix;
uniform mat4 u_viewProj;
uniform vec3 u_eye;
uniform float u_towardEye;  // metres to move toward the eye: along the view ray, so only the depth changes
#if MYO_LOOK == 3
uniform bool u_fibreUv;     // TEXCOORD_0.x is the distance across the fibres in metres
#endif

out vec3 v_worldPos;
out vec3 v_normal;
#if MYO_LOOK == 0
out vec2 v_uv;
out vec4 v_color;
#endif
#if MYO_REST_POSITION
out vec3 v_restPos;
#endif
#if MYO_VERTEX_LIGHT
out vec4 v_light;
out float v_grazing;
#endif
#if MYO_LOOK == 2
out float v_grain;  // the bone's shade, a noise about 6 mm across
#endif
#if MYO_LOOK == 3
// x: phase of the fine bands across the fibres (one per band, about 2 mm apart, wobbling), y: the coarser
// bundles' shade (0..1), z: tendon (0 muscle .. 1 tendon), w: 1 where the vertex has a fibre direction.
out vec4 v_muscle;
#endif

#if MYO_LOOK == 2 || MYO_LOOK == 3
float hash(vec3 p) {
  p = fract(p * 0.3183099 + vec3(0.71, 0.113, 0.419));
  p *= 17.0;
  return fract(p.x * p.y * p.z * (p.x + p.y + p.z));
}

float noise(vec3 x) {
  vec3 i = floor(x);
  vec3 f = fract(x);
  f = f * f * (3.0 - 2.0 * f);
  return mix(mix(mix(hash(i + vec3(0, 0, 0)), hash(i + vec3(1, 0, 0)), f.x),
                 mix(hash(i + vec3(0, 1, 0)), hash(i + vec3(1, 1, 0)), f.x), f.y),
             mix(mix(hash(i + vec3(0, 0, 1)), hash(i + vec3(1, 0, 1)), f.x),
                 mix(hash(i + vec3(0, 1, 1)), hash(i + vec3(1, 1, 1)), f.x), f.y), f.z);
}
#endif

void main() {
  vec4 world = u_model * vec4(a_position, 1.0);
  v_worldPos = world.xyz;
  if (u_towardEye > 0.0) world.xyz += normalize(u_eye - world.xyz) * u_towardEye;
  v_normal = u_normalMatrix * a_normal;
#if MYO_LOOK == 0
  v_uv = a_uv;
  v_color = a_color;
#endif
#if MYO_REST_POSITION
  v_restPos = a_restPosition;
#endif
#if MYO_LOOK == 2
  v_grain = 0.92 + 0.08 * noise(a_restPosition * 160.0);
#endif
#if MYO_LOOK == 3
  // Bands of constant distance across the fibres; the wobble (a noise about 17 mm across) bends them a little.
  float fibreLength = length(a_fibre);
  vec3 across = fibreLength > 0.5 ? normalize(cross(a_restNormal, a_fibre / fibreLength)) : vec3(0.0);
  float coord = u_fibreUv ? a_uv.x : dot(a_restPosition, across);
  float wobble = noise(a_restPosition * 60.0);
  v_muscle = vec4(coord * 480.0 + wobble * 1.2, 0.5 + 0.5 * sin(coord * 95.0 + wobble * 3.0), a_tendon,
                  fibreLength > 0.5 ? 1.0 : 0.0);
#endif
#if MYO_VERTEX_LIGHT
  vec3 n = normalize(v_normal);
  vec3 v = normalize(u_eye - v_worldPos);
  v_light = studioLight(n, v, lookHighlight(MYO_LOOK == 3 ? clamp(a_tendon, 0.0, 1.0) : 0.0).y);
  v_grazing = 1.0 - max(dot(n, v), 0.0);
#endif
  gl_Position = u_viewProj * world;
}
