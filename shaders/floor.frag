// floor.frag: a floor that fades into the background, darkened by the cached contact-shadow map. Its colour is
// premultiplied by its alpha: it is blended under the finished picture, where that leaves the background open.
in vec3 v_worldPos;
uniform vec3 u_center;
uniform float u_radius;
uniform vec3 u_color;
uniform sampler2D t_shadow;
uniform mat4 u_heightViewProj;
uniform float u_shadow;        // 0 disables the shadow
out vec4 o_color;

void main() {
  float r = length(v_worldPos.xz - u_center.xz) / u_radius;
  float fade = 1.0 - smoothstep(0.45, 1.0, r);
  float occlusion = 0.0;
  if (u_shadow > 0.0) {
    vec4 p = u_heightViewProj * vec4(v_worldPos, 1.0);
    occlusion = texture(t_shadow, p.xy / p.w * 0.5 + 0.5).r;
  }
  o_color = vec4(u_color * (1.0 - occlusion) * fade, fade);  // premultiplied: blended under the picture
}
